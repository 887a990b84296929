import type { PrincipalKind } from '../../../store/index.js'
import type { Operation } from '../../operation.js'
import { pageOf, pageRequest } from '../pagination.js'
import { policyEntities } from '../policy-entities.js'
import { onPolicy, policyTarget, requirePolicy } from '../policy-target.js'

const ALL_KINDS: readonly PrincipalKind[] = ['user', 'group', 'role']
const KIND_FILTERS: Readonly<Record<string, readonly PrincipalKind[]>> = {
  User: ['user'],
  Group: ['group'],
  Role: ['role'],
  // AWS: the managed-policy entity filters select no principals here.
  LocalManagedPolicy: [],
  AWSManagedPolicy: [],
}

/** IAM ListEntitiesForPolicy: the users, groups and roles using a policy as permissions or boundary. */
export const listEntitiesForPolicy: Operation = {
  readOnly: true,
  async authorize(ctx, input) {
    return [onPolicy(ctx, 'ListEntitiesForPolicy', await policyTarget(ctx, input))]
  },
  async run(ctx, input) {
    const policy = requirePolicy(await policyTarget(ctx, input))
    const usage = input.PolicyUsageFilter
    const entities = await policyEntities(ctx.store, policy, {
      accountId: ctx.caller!.principal.account,
      kinds: new Set(typeof input.EntityFilter === 'string' ? KIND_FILTERS[input.EntityFilter] : ALL_KINDS),
      pathPrefix: typeof input.PathPrefix === 'string' ? input.PathPrefix : '/',
      permissions: usage !== 'PermissionsBoundary',
      boundary: usage !== 'PermissionsPolicy',
    })
    const page = pageOf(entities, pageRequest(input))
    const of = (kind: PrincipalKind) =>
      page.items.filter((item) => item.kind === kind).map((item) => item.entity)
    return {
      PolicyGroups: of('group').map((g) => ({ GroupName: g.name, GroupId: g.id })),
      PolicyUsers: of('user').map((u) => ({ UserName: u.name, UserId: u.id })),
      PolicyRoles: of('role').map((r) => ({ RoleName: r.name, RoleId: r.id })),
      IsTruncated: page.next !== undefined,
      ...(page.next !== undefined ? { Marker: page.next } : {}),
    }
  },
}
