import type { Operation } from '../../operation.js'
import { requireOidcConfig, toOidcConfigDocument } from '../oidc-configs.js'

/** GET /oidc_configs/{id}: one managed OIDC configuration of the caller's account (never its key). */
export const getOidcConfig: Operation = {
  readOnly: true,
  async authorize(ctx, input) {
    const config = await requireOidcConfig(ctx.store, String(input.oidc_config_id))
    return [{ action: 'clusters:GetOidcConfig', resource: config.arn, resourceAccount: config.accountId }]
  },
  async run(ctx, input) {
    return toOidcConfigDocument(await requireOidcConfig(ctx.store, String(input.oidc_config_id)))
  },
}
