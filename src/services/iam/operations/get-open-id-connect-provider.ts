import type { Operation } from '../../operation.js'
import { toOidcProviderOutput } from '../mappers/oidc-provider.js'
import { oidcProviderAuthorization, requireOidcProvider } from '../oidc-provider-access.js'

/** IAM GetOpenIDConnectProvider: the provider's URL (without the scheme), client ids, thumbprints and tags. */
export const getOpenIDConnectProvider: Operation = {
  readOnly: true,
  async authorize(ctx, input) {
    return [
      await oidcProviderAuthorization(ctx, 'iam:GetOpenIDConnectProvider', input.OpenIDConnectProviderArn),
    ]
  },
  async run(ctx, input) {
    return toOidcProviderOutput(await requireOidcProvider(ctx, input.OpenIDConnectProviderArn))
  },
}
