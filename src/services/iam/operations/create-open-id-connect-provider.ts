import type { Operation } from '../../operation.js'
import { limitExceeded } from '../errors.js'
import { oidcProviderExists } from '../errors-roles.js'
import { toTagShapes } from '../mappers/tags.js'
import {
  clientIdList,
  oidcProviderArn,
  providerUrl,
  stringList,
  thumbprintList,
} from '../oidc-provider-access.js'
import { callerAccount } from '../role-access.js'
import { checkRequestTags, inputTags, requestTagContext } from '../tag-edits.js'

/** AWS: at most 100 OIDC providers per account. */
const MAX_PROVIDERS = 100

/** IAM CreateOpenIDConnectProvider: registers an OIDC issuer with its audiences and optional thumbprints. */
export const createOpenIDConnectProvider: Operation = {
  async authorize(ctx, input) {
    const url = String(input.Url)
    const key = /^https?:\/\//i.test(url) ? url.replace(/^https?:\/\//i, '') : url
    return [
      {
        action: 'iam:CreateOpenIDConnectProvider',
        resource: oidcProviderArn(callerAccount(ctx), key),
        context: requestTagContext(inputTags(input)),
      },
    ]
  },
  async run(ctx, input) {
    const account = callerAccount(ctx)
    const url = providerUrl(String(input.Url))
    const clientIds = clientIdList(stringList(input.ClientIDList))
    const thumbprints = thumbprintList(stringList(input.ThumbprintList), false)
    const tags = inputTags(input)
    checkRequestTags(tags)
    if ((await ctx.store.oidcProviders.getByUrl(account, url)) !== undefined)
      throw oidcProviderExists(String(input.Url))
    if ((await ctx.store.oidcProviders.list(account)).length >= MAX_PROVIDERS)
      throw limitExceeded(`Cannot exceed quota for OpenIdConnectProvidersPerAccount: ${MAX_PROVIDERS}`)
    const provider = await ctx.store.oidcProviders.insert({
      arn: oidcProviderArn(account, url),
      accountId: account,
      url,
      clientIds,
      thumbprints,
      tags,
      createdAt: ctx.now,
    })
    return {
      OpenIDConnectProviderArn: provider.arn,
      ...(provider.tags.length > 0 ? { Tags: toTagShapes(provider.tags) } : {}),
    }
  },
}
