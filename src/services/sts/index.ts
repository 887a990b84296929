import { MODELS } from '../../models/index.js'
import type { ServiceDefinition } from '../operation.js'
import { assumeRole } from './operations/assume-role.js'
import { assumeRoleWithWebIdentity } from './operations/assume-role-with-web-identity.js'
import { decodeAuthorizationMessage } from './operations/decode-authorization-message.js'
import { getAccessKeyInfo } from './operations/get-access-key-info.js'
import { getCallerIdentity } from './operations/get-caller-identity.js'
import { getFederationToken } from './operations/get-federation-token.js'
import { getSessionToken } from './operations/get-session-token.js'
import type { StsEnv } from './sts-env.js'

/** STS, 2011-06-15 (query protocol), over the server's shared sealing-key ring and policy loader. */
export function stsService(env: StsEnv): ServiceDefinition {
  return {
    signingName: 'sts',
    eventSource: 'sts.amazonaws.com',
    model: MODELS.sts,
    operations: {
      AssumeRole: assumeRole(env),
      AssumeRoleWithWebIdentity: assumeRoleWithWebIdentity(env, env.jwks),
      DecodeAuthorizationMessage: decodeAuthorizationMessage(env),
      GetAccessKeyInfo: getAccessKeyInfo,
      GetCallerIdentity: getCallerIdentity,
      GetFederationToken: getFederationToken(env),
      GetSessionToken: getSessionToken(env),
    },
  }
}

export {
  type AuthorizationMessage,
  decodedMessageText,
  encodeAuthorizationMessage,
  openAuthorizationMessage,
} from './authorization-message.js'
export { CONSOLE_SESSION_SECONDS, type ConsoleSignInResult, consoleSignIn } from './console-sign-in.js'
export { CONSOLE_SIGN_OUT_TOPIC, consoleSignOut } from './console-sign-out.js'
export {
  INSTANCE_SESSION_SECONDS,
  type InstanceRoleSession,
  issueInstanceRoleSession,
} from './instance-role-session.js'
export { PACKED_SPACE_BYTES, type PackedParts, packedPolicySize } from './packed-policy.js'
export { DEFAULT_ROTATION, type RotationPolicy, SealingKeyRing } from './sealing-keys.js'
export type { SessionClaims, SessionKind } from './session-claims.js'
export { combinedResolver, sessionResolver } from './session-resolver.js'
export { openSessionToken, type SealingKey, sealSessionToken, sessionTokenKeyId } from './session-token.js'
export type { StsEnv } from './sts-env.js'
