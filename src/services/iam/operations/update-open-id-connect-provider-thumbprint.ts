import type { Operation } from '../../operation.js'
import {
  oidcProviderAuthorization,
  requireOidcProvider,
  stringList,
  thumbprintList,
} from '../oidc-provider-access.js'

/** IAM UpdateOpenIDConnectProviderThumbprint: replaces the whole thumbprint list (at least one entry). */
export const updateOpenIDConnectProviderThumbprint: Operation = {
  async authorize(ctx, input) {
    const arn = input.OpenIDConnectProviderArn
    return [await oidcProviderAuthorization(ctx, 'iam:UpdateOpenIDConnectProviderThumbprint', arn)]
  },
  async run(ctx, input) {
    const provider = await requireOidcProvider(ctx, input.OpenIDConnectProviderArn)
    const thumbprints = thumbprintList(stringList(input.ThumbprintList), true)
    await ctx.store.oidcProviders.update(provider.arn, { thumbprints })
    return {}
  },
}
