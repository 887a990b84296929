import type { ManagedPolicyView, PrincipalKind, Repositories } from '../../store/index.js'
import type { PrincipalEntity } from './principal-target.js'

/** A user, group or role that uses a managed policy, as a permissions policy or as its boundary. */
export interface PolicyEntity {
  readonly kind: PrincipalKind
  readonly entity: PrincipalEntity
}

/** What ListEntitiesForPolicy filters on. */
export interface PolicyEntityFilter {
  /** The caller's account: AWS managed policies are shared, their users are not. */
  readonly accountId: string
  readonly kinds: ReadonlySet<PrincipalKind>
  readonly pathPrefix: string
  readonly permissions: boolean
  readonly boundary: boolean
}

const PAGE = 1000

/** Every principal of `kind` in the account whose boundary is `arn`. */
async function boundaryHolders(store: Repositories, kind: 'user' | 'role', accountId: string, arn: string) {
  const repository = kind === 'user' ? store.users : store.roles
  const out: PrincipalEntity[] = []
  let after: string | undefined
  do {
    const page = await repository.list(accountId, { limit: PAGE, ...(after !== undefined ? { after } : {}) })
    out.push(...page.items.filter((entity) => entity.permissionsBoundaryArn === arn))
    after = page.next
  } while (after !== undefined)
  return out
}

/** Looks up an attached principal by kind and id. */
function principalById(
  store: Repositories,
  kind: PrincipalKind,
  id: string,
): Promise<PrincipalEntity | undefined> {
  if (kind === 'user') return store.users.get(id)
  if (kind === 'group') return store.groups.get(id)
  return store.roles.get(id)
}

/** The principals of the caller's account that use `policy`, groups first, then users, then roles, each by name. */
export async function policyEntities(
  store: Repositories,
  policy: ManagedPolicyView,
  filter: PolicyEntityFilter,
): Promise<PolicyEntity[]> {
  const found = new Map<string, PolicyEntity>()
  if (filter.permissions) {
    for (const attachment of await store.attachments.listForPolicy(policy.id)) {
      const { kind, id } = attachment.principal
      if (!filter.kinds.has(kind)) continue
      const entity = await principalById(store, kind, id)
      if (entity !== undefined) found.set(id, { kind, entity })
    }
  }
  if (filter.boundary && policy.permissionsBoundaryUsageCount > 0) {
    for (const kind of ['user', 'role'] as const) {
      if (!filter.kinds.has(kind)) continue
      for (const entity of await boundaryHolders(store, kind, filter.accountId, policy.arn))
        found.set(entity.id, { kind, entity })
    }
  }
  const order: Record<PrincipalKind, number> = { group: 0, user: 1, role: 2 }
  return [...found.values()]
    .filter(
      ({ entity }) => entity.accountId === filter.accountId && entity.path.startsWith(filter.pathPrefix),
    )
    .sort(
      (a, b) =>
        order[a.kind] - order[b.kind] ||
        a.entity.name.toLowerCase().localeCompare(b.entity.name.toLowerCase()) ||
        a.entity.id.localeCompare(b.entity.id),
    )
}
