import type { Operation } from '../../operation.js'
import { callerAccount } from '../role-access.js'

/** IAM ListOpenIDConnectProviders: every provider's ARN (AWS does not paginate this list). */
export const listOpenIDConnectProviders: Operation = {
  readOnly: true,
  async authorize() {
    return [{ action: 'iam:ListOpenIDConnectProviders', resource: '*' }]
  },
  async run(ctx) {
    const providers = await ctx.store.oidcProviders.list(callerAccount(ctx))
    return { OpenIDConnectProviderList: providers.map((p) => ({ Arn: p.arn })) }
  },
}
