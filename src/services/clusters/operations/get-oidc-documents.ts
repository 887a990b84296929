import type { Operation } from '../../operation.js'
import { discoveryDocument, requireOidcConfig } from '../oidc-configs.js'

/** GET /oidc/{id}/.well-known/openid-configuration: a managed issuer's discovery document, unsigned (public). */
export const getOidcDiscovery: Operation = {
  unsigned: true,
  readOnly: true,
  async authorize() {
    return []
  },
  async run(ctx, input) {
    const config = await requireOidcConfig(ctx.store, String(input.oidc_config_id))
    return discoveryDocument(config.attributes.issuerUrl)
  },
}

/** GET /oidc/{id}/keys.json: a managed issuer's JWKS (its one public key), unsigned (public). */
export const getOidcKeys: Operation = {
  unsigned: true,
  readOnly: true,
  async authorize() {
    return []
  },
  async run(ctx, input) {
    const config = await requireOidcConfig(ctx.store, String(input.oidc_config_id))
    return { keys: [config.attributes.jwk] }
  },
}
