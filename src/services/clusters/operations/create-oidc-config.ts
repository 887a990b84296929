import { AwsError } from '../../../kernel/aws-error.js'
import { base32Encode } from '../../../kernel/ids.js'
import { generateOidcKeyPair } from '../../../kernel/oidc-keys.js'
import type { Operation } from '../../operation.js'
import {
  ISSUER_PATH,
  type OidcConfigAttributes,
  oidcConfigArn,
  SIGNING_KEY_VERSION,
  toOidcConfigDocument,
} from '../oidc-configs.js'

const badRequest = (message: string): AwsError => new AwsError('CLUSTERS-MGMT-400', 400, message)

/**
 * POST /oidc_configs {"managed": true}: a managed OIDC configuration. The service generates the RSA 4096 key
 * (kid as Kubernetes derives it), keeps the private key sealed in the store (no API returns it), and serves the
 * discovery document and keys.json unsigned under `<origin>/api/clusters_mgmt/v1/oidc/<id>`.
 */
export const createOidcConfig: Operation = {
  async authorize() {
    return [{ action: 'clusters:CreateOidcConfig', resource: '*' }]
  },
  async run(ctx, input) {
    // Unmanaged configurations stay in the customer's account (bucket and secret); `lanyard rosa` makes them.
    if (input.managed !== true)
      throw badRequest('Only managed OIDC configurations are created here: send \'"managed": true\'')
    if (ctx.origin === undefined)
      throw badRequest('The request has no Host header to build the issuer URL from')
    const owner = ctx.caller!.principal.account
    const ocmId = base32Encode(ctx.random(20)).toLowerCase().slice(0, 32)
    const keys = await generateOidcKeyPair()
    const arn = oidcConfigArn(ocmId)
    const attributes: OidcConfigAttributes = {
      ocmId,
      issuerUrl: `${ctx.origin}${ISSUER_PATH}/${ocmId}`,
      kid: keys.kid,
      jwk: keys.jwk,
    }
    const record = await ctx.store.transaction(async (tx) => {
      const stored = await tx.cloudResources.insert({
        arn,
        accountId: owner,
        region: '',
        service: 'clusters',
        type: 'oidc-config',
        id: ocmId,
        attributes,
        tags: [],
        at: ctx.now,
      })
      // Sealed at rest like every store secret; deleting the configuration deletes it (cascade).
      await tx.secretVersions.put({
        arn,
        versionId: SIGNING_KEY_VERSION,
        value: { string: keys.privateKeyPem },
        createdAt: ctx.now,
      })
      return stored
    })
    return toOidcConfigDocument(record)
  },
}
