import { AwsError } from '../../kernel/aws-error.js'
import type { Store } from '../../store/index.js'
import type { CredentialResolver, ResolvedCredentials } from '../operation.js'
import { rootCaller, userCaller } from './callers.js'
import type { PolicyLoader } from './policy-loader.js'

/** AWS: IAM and STS send this text without a final period. */
export const invalidClientTokenId = (): AwsError =>
  new AwsError('InvalidClientTokenId', 403, 'The security token included in the request is invalid')

/** Resolves long-term access keys (`AKIA…`) of IAM users and account roots. */
export function longTermKeyResolver(store: Store, loader: PolicyLoader): CredentialResolver {
  return {
    async resolve(accessKeyId): Promise<ResolvedCredentials> {
      const key = await store.accessKeys.get(accessKeyId)
      if (key === undefined || key.status !== 'Active') throw invalidClientTokenId()
      return {
        secretAccessKey: key.secretAccessKey,
        async caller() {
          if (key.userId === undefined) return rootCaller(key)
          const user = await store.users.get(key.userId)
          if (user === undefined) throw invalidClientTokenId()
          return userCaller(store, loader, user, key)
        },
      }
    },
  }
}
