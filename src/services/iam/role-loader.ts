import { parseArn } from '../../kernel/arn.js'
import type { EvaluablePolicy } from '../../policy/index.js'
import type { Repositories, RoleRecord } from '../../store/index.js'
import { roleArn } from './arns.js'
import type { PolicyLoader } from './policy-loader.js'
import { presentTrustPolicy } from './trust-policy.js'

/** A role with everything STS needs to decide an assumption and to build the session's caller. */
export interface LoadedRole {
  readonly role: RoleRecord
  /** `arn:aws:iam::A:role/path/name`. */
  readonly arn: string
  /** The trust policy (unique ids mapped back to ARNs), compiled as kind `trust`. */
  readonly trust: EvaluablePolicy
  /** The role's inline and attached policies. */
  readonly identity: readonly EvaluablePolicy[]
  /** The role's permissions boundary, as a list of at most one. */
  readonly boundaries: readonly EvaluablePolicy[]
}

const ROLE_RESOURCE = /^role(\/(?:.*\/)?)([^/]+)$/

/** A role with its trust policy: what an assumption evaluates. */
export type RoleWithTrust = Pick<LoadedRole, 'role' | 'arn' | 'trust'>

/** Loads the role an ARN names (path and name must both match) with its trust policy; undefined when there is none. */
export async function loadRoleTrustByArn(
  store: Repositories,
  loader: PolicyLoader,
  arn: string,
): Promise<RoleWithTrust | undefined> {
  const parsed = parseArn(arn)
  const match = parsed?.service === 'iam' ? ROLE_RESOURCE.exec(parsed.resource) : null
  if (parsed === undefined || match === null) return undefined
  const role = await store.roles.getByName(parsed.account, match[2]!)
  if (role === undefined || role.path !== match[1]) return undefined
  const trust = loader.evaluable(await presentTrustPolicy(store, role.trustPolicy), 'trust')
  if (trust === undefined) return undefined
  return { role, arn: roleArn(role.accountId, role.path, role.name), trust }
}

/** Loads the role an ARN names with its trust policy, identity policies and boundary; undefined when there is none. */
export async function loadRoleByArn(
  store: Repositories,
  loader: PolicyLoader,
  arn: string,
): Promise<LoadedRole | undefined> {
  const found = await loadRoleTrustByArn(store, loader, arn)
  if (found === undefined) return undefined
  const [identity, boundaries] = await Promise.all([
    loader.identityPolicies(store, { kind: 'role', id: found.role.id }),
    loader.boundary(store, found.role.permissionsBoundaryArn),
  ])
  return { role: found.role, arn: found.arn, trust: found.trust, identity, boundaries }
}
