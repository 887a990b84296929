import type { Repositories } from '../../store/index.js'
import { limitExceeded } from './errors.js'

/** AWS: the default account-wide IAM quotas (the ones GetAccountSummary reports). */
export const ACCOUNT_QUOTAS = {
  UsersPerAccount: 5000,
  GroupsPerAccount: 300,
  RolesPerAccount: 1000,
  PoliciesPerAccount: 1500,
} as const

/** An account-wide quota on one kind of entity. */
export type AccountQuota = keyof typeof ACCOUNT_QUOTAS

const COUNTERS: Readonly<Record<AccountQuota, (store: Repositories, account: string) => Promise<number>>> = {
  UsersPerAccount: (store, account) => store.users.count(account),
  GroupsPerAccount: (store, account) => store.groups.count(account),
  RolesPerAccount: (store, account) => store.roles.count(account),
  PoliciesPerAccount: (store, account) => store.policies.count(account),
}

/**
 * Refuses one more entity when the account holds its quota already:
 * `LimitExceeded` (409) "Cannot exceed quota for RolesPerAccount: 1000". Counted before the insert, so
 * concurrent creates may overshoot by the number in flight.
 */
export async function requireRoomFor(
  store: Repositories,
  account: string,
  quota: AccountQuota,
): Promise<void> {
  const limit = ACCOUNT_QUOTAS[quota]
  if ((await COUNTERS[quota](store, account)) >= limit)
    throw limitExceeded(`Cannot exceed quota for ${quota}: ${limit}`)
}
