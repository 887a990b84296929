import { ID_PREFIX, newAccessKeyId, newUniqueId } from '../../kernel/ids.js'
import { type Store, StoreConflict } from '../../store/index.js'
import type { ServiceDeps } from '../operation.js'

/** An AWS managed policy as shipped in data/aws-managed-policies.json. */
export interface ShippedManagedPolicy {
  readonly name: string
  readonly arn: string
  readonly document: unknown
  readonly createDate: string
}

/** Long-term credentials made for a new account's admin user. */
export interface AdminCredentials {
  readonly accountId: string
  readonly userName: string
  readonly accessKeyId: string
  readonly secretAccessKey: string
}

const ADMINISTRATOR_ACCESS = 'arn:aws:iam::aws:policy/AdministratorAccess'

/** Makes a 40-character secret access key, as AWS's are. */
export function newSecretAccessKey(deps: Pick<ServiceDeps, 'random'>): string {
  return Buffer.from(deps.random(30)).toString('base64')
}

/**
 * Adds the AWS managed policies that are not in the store yet; returns how many it added. Processes
 * starting at once on one database may race: a policy another one inserted first is skipped.
 */
export async function seedManagedPolicies(
  store: Store,
  policies: readonly ShippedManagedPolicy[],
  deps: ServiceDeps,
): Promise<number> {
  let added = 0
  for (const policy of policies) {
    if ((await store.policies.getByArn(policy.arn)) !== undefined) continue
    const resource = policy.arn.slice(policy.arn.indexOf(':policy/') + ':policy'.length)
    try {
      await store.policies.insert({
        id: newUniqueId(ID_PREFIX.policy, deps.random),
        accountId: 'aws',
        arn: policy.arn,
        name: policy.name,
        path: resource.slice(0, resource.lastIndexOf('/') + 1),
        document: JSON.stringify(policy.document),
        tags: [],
        createdAt: new Date(policy.createDate),
      })
    } catch (error) {
      if (error instanceof StoreConflict && (await store.policies.getByArn(policy.arn)) !== undefined)
        continue
      throw error
    }
    added++
  }
  return added
}

/**
 * Creates an account with an IAM user `admin` that holds AdministratorAccess and one access key.
 * Returns the key, or undefined when the account already exists (also when another process sharing the
 * database created it at the same moment).
 */
export async function createAccount(
  store: Store,
  account: { readonly id: string; readonly name: string },
  deps: ServiceDeps,
): Promise<AdminCredentials | undefined> {
  if ((await store.accounts.get(account.id)) !== undefined) return undefined
  const now = deps.clock.now()
  const policy = await store.policies.getByArn(ADMINISTRATOR_ACCESS)
  if (policy === undefined) throw new Error('AdministratorAccess is missing: seed the managed policies first')
  try {
    return await insertAccount(store, account, policy.id, now, deps)
  } catch (error) {
    if (error instanceof StoreConflict && (await store.accounts.get(account.id)) !== undefined)
      return undefined
    throw error
  }
}

async function insertAccount(
  store: Store,
  account: { readonly id: string; readonly name: string },
  policyId: string,
  now: Date,
  deps: ServiceDeps,
): Promise<AdminCredentials> {
  return store.transaction(async (tx) => {
    await tx.accounts.insert({ id: account.id, name: account.name, createdAt: now })
    const user = await tx.users.insert({
      id: newUniqueId(ID_PREFIX.user, deps.random),
      accountId: account.id,
      name: 'admin',
      path: '/',
      tags: [],
      createdAt: now,
    })
    await tx.attachments.attach({ kind: 'user', id: user.id }, policyId, now)
    const key = await tx.accessKeys.insert({
      id: newAccessKeyId('AKIA', account.id, deps.random),
      accountId: account.id,
      userId: user.id,
      secretAccessKey: newSecretAccessKey(deps),
      status: 'Active',
      createdAt: now,
    })
    return {
      accountId: account.id,
      userName: user.name,
      accessKeyId: key.id,
      secretAccessKey: key.secretAccessKey,
    }
  })
}
