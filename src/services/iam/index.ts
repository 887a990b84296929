import { MODELS } from '../../models/index.js'
import type { ServiceDefinition } from '../operation.js'
import { getUser } from './operations/get-user.js'

export { longTermKeyResolver } from './credential-resolver.js'
export { PolicyLoader } from './policy-loader.js'

/** IAM, 2010-05-08 (query protocol); a global service whose requests are in `us-east-1`. */
export const IAM_SERVICE: ServiceDefinition = {
  signingName: 'iam',
  eventSource: 'iam.amazonaws.com',
  model: MODELS.iam,
  requestedRegion: 'us-east-1',
  operations: { GetUser: getUser },
}
export {
  type AdminCredentials,
  createAccount,
  type ShippedManagedPolicy,
  seedManagedPolicies,
} from './bootstrap.js'
