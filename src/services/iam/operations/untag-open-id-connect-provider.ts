import type { Operation } from '../../operation.js'
import { oidcProviderAuthorization, requireOidcProvider } from '../oidc-provider-access.js'
import { inputTagKeys, removeTags } from '../tag-edits.js'

/** IAM UntagOpenIDConnectProvider: removes the named tag keys; missing keys are ignored. */
export const untagOpenIDConnectProvider: Operation = {
  async authorize(ctx, input) {
    const context = { 'aws:TagKeys': inputTagKeys(input) }
    const arn = input.OpenIDConnectProviderArn
    return [await oidcProviderAuthorization(ctx, 'iam:UntagOpenIDConnectProvider', arn, context)]
  },
  async run(ctx, input) {
    const provider = await requireOidcProvider(ctx, input.OpenIDConnectProviderArn)
    await ctx.store.oidcProviders.update(provider.arn, {
      tags: removeTags(provider.tags, inputTagKeys(input)),
    })
    return {}
  },
}
