import type { Operation } from '../../operation.js'
import { oidcProviderAuthorization, requireOidcProvider } from '../oidc-provider-access.js'
import { inputTags, mergeTags, requestTagContext } from '../tag-edits.js'

/** IAM TagOpenIDConnectProvider: adds tags, replacing the value of keys already present. */
export const tagOpenIDConnectProvider: Operation = {
  async authorize(ctx, input) {
    const context = requestTagContext(inputTags(input))
    const arn = input.OpenIDConnectProviderArn
    return [await oidcProviderAuthorization(ctx, 'iam:TagOpenIDConnectProvider', arn, context)]
  },
  async run(ctx, input) {
    const provider = await requireOidcProvider(ctx, input.OpenIDConnectProviderArn)
    const tags = mergeTags(provider.tags, inputTags(input), 'TagsPerOpenIdConnectProvider')
    await ctx.store.oidcProviders.update(provider.arn, { tags })
    return {}
  },
}
