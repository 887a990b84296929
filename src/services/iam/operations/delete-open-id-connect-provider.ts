import type { Operation } from '../../operation.js'
import { oidcProviderAuthorization, requireOidcProvider } from '../oidc-provider-access.js'

/** IAM DeleteOpenIDConnectProvider: removes the provider; roles that trust it are left as they are. */
export const deleteOpenIDConnectProvider: Operation = {
  async authorize(ctx, input) {
    return [
      await oidcProviderAuthorization(ctx, 'iam:DeleteOpenIDConnectProvider', input.OpenIDConnectProviderArn),
    ]
  },
  async run(ctx, input) {
    const provider = await requireOidcProvider(ctx, input.OpenIDConnectProviderArn)
    await ctx.store.oidcProviders.delete(provider.arn)
    return {}
  },
}
