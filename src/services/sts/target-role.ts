import type { Repositories } from '../../store/index.js'
import type { PolicyLoader } from '../iam/index.js'
import { loadRoleTrustByArn, type RoleWithTrust } from '../iam/index.js'

/** The role an AssumeRole names, with what the call evaluates: its trust policy. */
export type TargetRole = RoleWithTrust

/**
 * Loads the role an ARN names (path and name must both match) and its trust policy; undefined when there is none.
 * AssumeRole does not evaluate the role's own policies, so they are not loaded.
 */
export function loadTargetRole(
  store: Repositories,
  loader: PolicyLoader,
  arn: string,
): Promise<TargetRole | undefined> {
  return loadRoleTrustByArn(store, loader, arn)
}
