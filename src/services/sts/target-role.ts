import { parseArn } from '../../kernel/arn.js'
import type { EvaluablePolicy } from '../../policy/index.js'
import type { Repositories, RoleRecord } from '../../store/index.js'
import { type PolicyLoader, presentTrustPolicy } from '../iam/index.js'

/** The role an AssumeRole names, with what the call evaluates: its trust policy. */
export interface TargetRole {
  readonly role: RoleRecord
  /** `arn:aws:iam::A:role/path/name`. */
  readonly arn: string
  /** The trust policy (unique ids shown as ARNs), compiled as kind `trust`. */
  readonly trust: EvaluablePolicy
}

const ROLE_RESOURCE = /^role(\/(?:.*\/)?)([^/]+)$/

/**
 * Loads the role an ARN names (path and name must both match) and its trust policy; undefined when there is none.
 * Unlike IAM's `loadRoleByArn` it skips the role's own policies: AssumeRole does not evaluate them.
 */
export async function loadTargetRole(
  store: Repositories,
  loader: PolicyLoader,
  arn: string,
): Promise<TargetRole | undefined> {
  const parsed = parseArn(arn)
  const match = parsed?.service === 'iam' ? ROLE_RESOURCE.exec(parsed.resource) : null
  if (parsed === undefined || match === null) return undefined
  const role = await store.roles.getByName(parsed.account, match[2]!)
  if (role === undefined || role.path !== match[1]) return undefined
  const trust = loader.evaluable(await presentTrustPolicy(store, role.trustPolicy), 'trust')
  if (trust === undefined) return undefined
  return { role, arn: `arn:${parsed.partition}:iam::${role.accountId}:role${role.path}${role.name}`, trust }
}
