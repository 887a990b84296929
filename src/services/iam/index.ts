import { MODELS } from '../../models/index.js'
import type { ServiceDefinition } from '../operation.js'
import { ACCOUNT_OPERATIONS } from './registry/account.js'
import { POLICY_OPERATIONS } from './registry/policies.js'
import { ROLE_OPERATIONS } from './registry/roles.js'
import { USER_OPERATIONS } from './registry/users.js'

export {
  type ConsoleCredentials,
  type ConsolePasswordCheck,
  checkConsolePassword,
} from './console-password.js'
export { DerivedCache } from './credential-cache.js'
export { longTermKeyResolver } from './credential-resolver.js'
export { AccessKeyUseRecorder } from './key-use.js'
export { type MfaVerification, verifyMfaCode } from './mfa-codes.js'
export { oidcProviderArn, providerUrl } from './oidc-provider-access.js'
export { PolicyLoader } from './policy-loader.js'
export { type LoadedRole, loadRoleByArn, loadRoleTrustByArn, type RoleWithTrust } from './role-loader.js'
export { presentTrustPolicy } from './trust-policy.js'

/** IAM, 2010-05-08 (query protocol); a global service whose requests are in `us-east-1`. */
export const IAM_SERVICE: ServiceDefinition = {
  signingName: 'iam',
  eventSource: 'iam.amazonaws.com',
  model: MODELS.iam,
  requestedRegion: 'us-east-1',
  changesCredentials: true,
  operations: Object.assign({}, USER_OPERATIONS, ROLE_OPERATIONS, POLICY_OPERATIONS, ACCOUNT_OPERATIONS),
}
export {
  type AdminCredentials,
  createAccount,
  type ShippedManagedPolicy,
  seedManagedPolicies,
} from './bootstrap.js'
