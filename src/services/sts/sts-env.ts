import type { PolicyLoader } from '../iam/index.js'
import type { SealingKeyRing } from './sealing-keys.js'

/** What STS operations share with the rest of the server: the sealing-key ring and the policy loader. */
export interface StsEnv {
  readonly ring: SealingKeyRing
  readonly loader: PolicyLoader
}
