import type { Operation } from '../../operation.js'
import { oidcProviderAuthorization, requireOidcProvider } from '../oidc-provider-access.js'

/** IAM RemoveClientIDFromOpenIDConnectProvider: removes an audience; removing one that is absent is a no-op. */
export const removeClientIDFromOpenIDConnectProvider: Operation = {
  async authorize(ctx, input) {
    const arn = input.OpenIDConnectProviderArn
    return [await oidcProviderAuthorization(ctx, 'iam:RemoveClientIDFromOpenIDConnectProvider', arn)]
  },
  async run(ctx, input) {
    const provider = await requireOidcProvider(ctx, input.OpenIDConnectProviderArn)
    const clientIds = provider.clientIds.filter((id) => id !== String(input.ClientID))
    await ctx.store.oidcProviders.update(provider.arn, { clientIds })
    return {}
  },
}
