import type { Operation } from '../../operation.js'
import { clientIdList, oidcProviderAuthorization, requireOidcProvider } from '../oidc-provider-access.js'

/** IAM AddClientIDToOpenIDConnectProvider: adds an audience; adding one already there is a no-op. */
export const addClientIDToOpenIDConnectProvider: Operation = {
  async authorize(ctx, input) {
    const arn = input.OpenIDConnectProviderArn
    return [await oidcProviderAuthorization(ctx, 'iam:AddClientIDToOpenIDConnectProvider', arn)]
  },
  async run(ctx, input) {
    const provider = await requireOidcProvider(ctx, input.OpenIDConnectProviderArn)
    const clientIds = clientIdList([...provider.clientIds, String(input.ClientID)])
    await ctx.store.oidcProviders.update(provider.arn, { clientIds })
    return {}
  },
}
