import { MODELS } from '../../models/index.js'
import type { ServiceDefinition } from '../operation.js'
import { getCallerIdentity } from './operations/get-caller-identity.js'

/** STS, 2011-06-15 (query protocol). */
export const STS_SERVICE: ServiceDefinition = {
  signingName: 'sts',
  eventSource: 'sts.amazonaws.com',
  model: MODELS.sts,
  operations: { GetCallerIdentity: getCallerIdentity },
}

export { DEFAULT_ROTATION, type RotationPolicy, SealingKeyRing } from './sealing-keys.js'
export type { SessionClaims, SessionKind } from './session-claims.js'
export { combinedResolver, sessionResolver } from './session-resolver.js'
export { openSessionToken, type SealingKey, sealSessionToken, sessionTokenKeyId } from './session-token.js'
