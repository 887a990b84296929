import type { Repositories } from '../../store/index.js'

/** An account password policy as UpdateAccountPasswordPolicy sets it. */
export interface PasswordPolicy {
  readonly minimumPasswordLength: number
  readonly requireSymbols: boolean
  readonly requireNumbers: boolean
  readonly requireUppercaseCharacters: boolean
  readonly requireLowercaseCharacters: boolean
  readonly allowUsersToChangePassword: boolean
  /** Days; 0 = passwords do not expire. */
  readonly maxPasswordAge: number
  readonly passwordReusePrevention?: number
  readonly hardExpiry: boolean
}

const KEY = 'iam.password-policy'

/** AWS: the symbols a password policy counts. */
const SYMBOLS = /[!@#$%^&*()_+\-=[\]{}|']/

/** The policy UpdateAccountPasswordPolicy stores: AWS resets every omitted member to its default. */
export function policyFromInput(input: Record<string, unknown>): PasswordPolicy {
  const flag = (name: string) => input[name] === true
  return {
    minimumPasswordLength: typeof input.MinimumPasswordLength === 'number' ? input.MinimumPasswordLength : 6,
    requireSymbols: flag('RequireSymbols'),
    requireNumbers: flag('RequireNumbers'),
    requireUppercaseCharacters: flag('RequireUppercaseCharacters'),
    requireLowercaseCharacters: flag('RequireLowercaseCharacters'),
    allowUsersToChangePassword: flag('AllowUsersToChangePassword'),
    maxPasswordAge: typeof input.MaxPasswordAge === 'number' ? input.MaxPasswordAge : 0,
    ...(typeof input.PasswordReusePrevention === 'number'
      ? { passwordReusePrevention: input.PasswordReusePrevention }
      : {}),
    hardExpiry: flag('HardExpiry'),
  }
}

/** The account's password policy, if it has one. */
export async function loadPasswordPolicy(
  store: Repositories,
  account: string,
): Promise<PasswordPolicy | undefined> {
  const text = await store.settings.get(account, KEY)
  return text === undefined ? undefined : (JSON.parse(text) as PasswordPolicy)
}

/** Creates or replaces the account's password policy. */
export const savePasswordPolicy = (store: Repositories, account: string, policy: PasswordPolicy, at: Date) =>
  store.settings.put(account, KEY, JSON.stringify(policy), at)

/** Deletes the account's password policy; false when it had none. */
export const deletePasswordPolicy = (store: Repositories, account: string) =>
  store.settings.delete(account, KEY)

/**
 * True when the password satisfies the policy. AWS: without a custom policy the default applies —
 * at least 8 characters, three of the four character types, and not the user's name.
 */
export function passwordConforms(
  policy: PasswordPolicy | undefined,
  password: string,
  userName: string,
): boolean {
  const types = [/[A-Z]/, /[a-z]/, /[0-9]/, SYMBOLS].map((pattern) => pattern.test(password))
  if (policy === undefined)
    return password.length >= 8 && types.filter(Boolean).length >= 3 && password !== userName
  const [upper, lower, number, symbol] = types
  return (
    password.length >= policy.minimumPasswordLength &&
    (!policy.requireUppercaseCharacters || upper === true) &&
    (!policy.requireLowercaseCharacters || lower === true) &&
    (!policy.requireNumbers || number === true) &&
    (!policy.requireSymbols || symbol === true)
  )
}

/** The IAM `PasswordPolicy` shape. */
export function toPasswordPolicyShape(policy: PasswordPolicy): Record<string, unknown> {
  return {
    MinimumPasswordLength: policy.minimumPasswordLength,
    RequireSymbols: policy.requireSymbols,
    RequireNumbers: policy.requireNumbers,
    RequireUppercaseCharacters: policy.requireUppercaseCharacters,
    RequireLowercaseCharacters: policy.requireLowercaseCharacters,
    AllowUsersToChangePassword: policy.allowUsersToChangePassword,
    ExpirePasswords: policy.maxPasswordAge > 0,
    ...(policy.maxPasswordAge > 0 ? { MaxPasswordAge: policy.maxPasswordAge } : {}),
    ...(policy.passwordReusePrevention !== undefined
      ? { PasswordReusePrevention: policy.passwordReusePrevention }
      : {}),
    HardExpiry: policy.hardExpiry,
  }
}
