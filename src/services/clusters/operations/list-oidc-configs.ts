import type { Operation } from '../../operation.js'
import { type OidcConfigAttributes, toOidcConfigDocument } from '../oidc-configs.js'

/** GET /oidc_configs: the caller's account's managed OIDC configurations, as an OCM OidcConfigList. */
export const listOidcConfigs: Operation = {
  readOnly: true,
  async authorize() {
    return [{ action: 'clusters:ListOidcConfigs', resource: '*' }]
  },
  async run(ctx) {
    const items = []
    let after: string | undefined
    do {
      const page = await ctx.store.cloudResources.list<OidcConfigAttributes>({
        accountId: ctx.caller!.principal.account,
        region: '',
        service: 'clusters',
        type: 'oidc-config',
        limit: 100,
        ...(after ? { after } : {}),
      })
      items.push(...page.items.map(toOidcConfigDocument))
      after = page.next
    } while (after !== undefined)
    return { kind: 'OidcConfigList', page: 1, size: items.length, total: items.length, items }
  },
}
