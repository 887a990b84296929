import type { Operation } from '../../operation.js'
import { toTagShapes } from '../mappers/tags.js'
import { oidcProviderAuthorization, requireOidcProvider } from '../oidc-provider-access.js'
import { pageOf, pageOutput, pageRequest } from '../pagination.js'

/** IAM ListOpenIDConnectProviderTags: the provider's tags, paginated. */
export const listOpenIDConnectProviderTags: Operation = {
  readOnly: true,
  async authorize(ctx, input) {
    const arn = input.OpenIDConnectProviderArn
    return [await oidcProviderAuthorization(ctx, 'iam:ListOpenIDConnectProviderTags', arn)]
  },
  async run(ctx, input) {
    const provider = await requireOidcProvider(ctx, input.OpenIDConnectProviderArn)
    return pageOutput('Tags', pageOf(toTagShapes(provider.tags), pageRequest(input)), (tag) => tag)
  },
}
