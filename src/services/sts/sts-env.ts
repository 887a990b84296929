import type { JwksCache } from '../../oidc/index.js'
import type { PolicyLoader } from '../iam/index.js'
import type { SealingKeyRing } from './sealing-keys.js'

/** What STS operations share with the rest of the server: the sealing-key ring, the policy loader and the OIDC key sets. */
export interface StsEnv {
  readonly ring: SealingKeyRing
  readonly loader: PolicyLoader
  readonly jwks: JwksCache
}
