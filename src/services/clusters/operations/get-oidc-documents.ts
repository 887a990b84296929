import type { Operation } from '../../operation.js'
import { discoveryDocument, type OidcConfigRecord, requireOidcConfig } from '../oidc-configs.js'

/** An unsigned (public), read-only operation answering one document of the managed issuer `oidc_config_id`. */
function managedIssuerDocument(document: (config: OidcConfigRecord) => Record<string, unknown>): Operation {
  return {
    unsigned: true,
    readOnly: true,
    async authorize() {
      return []
    },
    async run(ctx, input) {
      return document(await requireOidcConfig(ctx.store, String(input.oidc_config_id)))
    },
  }
}

/** GET /oidc/{id}/.well-known/openid-configuration: a managed issuer's discovery document, unsigned (public). */
export const getOidcDiscovery: Operation = managedIssuerDocument((config) =>
  discoveryDocument(config.attributes.issuerUrl),
)

/** GET /oidc/{id}/keys.json: a managed issuer's JWKS (its one public key), unsigned (public). */
export const getOidcKeys: Operation = managedIssuerDocument((config) => ({ keys: [config.attributes.jwk] }))
