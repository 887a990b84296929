import type { LoginProfileRecord, UserRecord } from '../../store/index.js'
import type { OperationContext } from '../operation.js'
import { invalidInput } from './errors.js'
import { noSuchLoginProfile, passwordPolicyViolation } from './errors-users.js'
import { loadPasswordPolicy, passwordConforms } from './password-policy.js'
import { hashPassword } from './passwords.js'

/** The user's login profile, or AWS's NoSuchEntity. */
export async function requireLoginProfile(
  ctx: OperationContext,
  user: UserRecord,
): Promise<LoginProfileRecord> {
  const profile = await ctx.store.loginProfiles.get(user.id)
  if (profile === undefined) throw noSuchLoginProfile(user.name)
  return profile
}

/** Checks a new password against the account policy and hashes it; the password itself is never stored. */
export async function acceptPassword(
  ctx: OperationContext,
  user: UserRecord,
  password: unknown,
): Promise<string> {
  if (typeof password !== 'string') throw invalidInput('A password is required for an IAM user.')
  const policy = await loadPasswordPolicy(ctx.store, user.accountId)
  if (!passwordConforms(policy, password, user.name)) throw passwordPolicyViolation()
  return hashPassword(password, ctx.random)
}
