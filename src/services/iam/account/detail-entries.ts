import type { Repositories } from '../../../store/index.js'
import { allPages } from './all-pages.js'
import type { DetailEntry } from './authorization-details.js'

/** The GetAccountAuthorizationDetails `Filter` values. */
export type DetailFilter = 'User' | 'Role' | 'Group' | 'LocalManagedPolicy' | 'AWSManagedPolicy'

/**
 * Every entity the filter selects, users, groups, roles, then policies, each by name. AWS-managed
 * policies are listed only when attached to (or a boundary of) an entity of the account.
 */
export async function detailEntries(
  store: Repositories,
  account: string,
  filter: ReadonlySet<DetailFilter>,
): Promise<DetailEntry[]> {
  const all = filter.size === 0
  const want = (f: DetailFilter) => all || filter.has(f)
  const [users, groups, roles] = await Promise.all([
    allPages((r) => store.users.list(account, r)),
    allPages((r) => store.groups.list(account, r)),
    allPages((r) => store.roles.list(account, r)),
  ])
  const out: DetailEntry[] = []
  if (want('User')) out.push(...users.map((user) => ({ kind: 'User' as const, user })))
  if (want('Group')) out.push(...groups.map((group) => ({ kind: 'Group' as const, group })))
  if (want('Role')) out.push(...roles.map((role) => ({ kind: 'Role' as const, role })))
  if (!want('LocalManagedPolicy') && !want('AWSManagedPolicy')) return out
  const local = want('LocalManagedPolicy')
    ? await allPages((r) => store.policies.list({ accountIds: [account], ...r }))
    : []
  const used = new Set<string>()
  if (want('AWSManagedPolicy')) {
    const principals = [
      ...users.map((u) => ({ kind: 'user' as const, id: u.id })),
      ...groups.map((g) => ({ kind: 'group' as const, id: g.id })),
      ...roles.map((r) => ({ kind: 'role' as const, id: r.id })),
    ]
    if (principals.length > 0)
      for (const a of await store.attachments.listForPrincipals(principals)) used.add(a.policyArn)
    for (const entity of [...users, ...roles])
      if (entity.permissionsBoundaryArn) used.add(entity.permissionsBoundaryArn)
  }
  const managed = []
  for (const arn of [...used].filter((a) => a.startsWith('arn:aws:iam::aws:')).sort()) {
    const policy = await store.policies.getByArn(arn)
    if (policy) managed.push(policy)
  }
  const policies = [...local, ...managed].sort((a, b) =>
    a.name.toLowerCase() < b.name.toLowerCase() ? -1 : a.name.toLowerCase() > b.name.toLowerCase() ? 1 : 0,
  )
  out.push(...policies.map((policy) => ({ kind: 'Policy' as const, policy })))
  return out
}
