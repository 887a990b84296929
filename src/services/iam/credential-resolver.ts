import { AwsError } from '../../kernel/aws-error.js'
import type { Store } from '../../store/index.js'
import type { CredentialResolver, ResolvedCredentials } from '../operation.js'
import { rootCaller, userCaller } from './callers.js'
import { DerivedCache } from './credential-cache.js'
import type { PolicyLoader } from './policy-loader.js'

/** AWS: IAM and STS send this text without a final period. */
export const invalidClientTokenId = (): AwsError =>
  new AwsError('InvalidClientTokenId', 403, 'The security token included in the request is invalid')

/**
 * Resolves long-term access keys (`AKIA…`) of IAM users and account roots. The key, the user, its
 * groups and their policies are read once and kept in a `DerivedCache` until the store's change
 * feed announces a write; unknown and inactive keys are read again on every request.
 */
export function longTermKeyResolver(store: Store, loader: PolicyLoader): CredentialResolver {
  const cache = new DerivedCache<ResolvedCredentials>(store.changes)
  const load = async (accessKeyId: string): Promise<ResolvedCredentials> => {
    const key = await store.accessKeys.get(accessKeyId)
    if (key === undefined || key.status !== 'Active') throw invalidClientTokenId()
    if (key.userId === undefined) {
      const caller = rootCaller(key)
      return { secretAccessKey: key.secretAccessKey, caller: async () => caller }
    }
    const user = await store.users.get(key.userId)
    if (user === undefined) throw invalidClientTokenId()
    const caller = await userCaller(store, loader, user, key)
    return { secretAccessKey: key.secretAccessKey, caller: async () => caller }
  }
  return {
    resolve: (accessKeyId) => cache.get(accessKeyId, () => load(accessKeyId)),
  }
}
