import { createPrivateKey } from 'node:crypto'
import { AwsError } from '../../../kernel/aws-error.js'
import { signServiceAccountToken } from '../../../oidc/index.js'
import type { Operation } from '../../operation.js'
import { authorizeOnCluster } from '../authz.js'
import { requireCluster } from '../clusters.js'
import { findOidcConfig, OPERATOR_SERVICE_ACCOUNTS, SIGNING_KEY_VERSION } from '../oidc-configs.js'

/** The audience of OpenShift's projected tokens for AWS (the OIDC provider's client id `openshift`). */
const AUDIENCE = 'openshift'
/** How long a signed token lives: long enough for the AssumeRoleWithWebIdentity call that uses it. */
const LIFETIME_SECONDS = 600

const badRequest = (message: string): AwsError => new AwsError('CLUSTERS-MGMT-400', 400, message)

/**
 * POST /clusters/{id}/service_account_tokens {namespace, service_account}: a projected service-account token
 * for one of the cluster's operator service accounts, signed with the key of the cluster's managed OIDC
 * configuration (aud `openshift`, 10 minutes). The cluster's resource policy decides who may ask (the
 * provider's installer role, which runs the cluster's operators).
 */
export const createServiceAccountToken: Operation = {
  authorize: authorizeOnCluster('clusters:CreateServiceAccountToken'),
  async run(ctx, input) {
    const cluster = await requireCluster(ctx, String(input.cluster_id))
    const namespace = String(input.namespace)
    const serviceAccount = String(input.service_account)
    if (!OPERATOR_SERVICE_ACCOUNTS.has(`${namespace}:${serviceAccount}`))
      throw badRequest(
        `Service account '${namespace}:${serviceAccount}' is not an operator service account of cluster '${cluster.attributes.name}'`,
      )
    const configId = cluster.attributes.sts.oidcConfigId
    const config = configId === undefined ? undefined : await findOidcConfig(ctx.store, configId)
    if (config === undefined || config.accountId !== cluster.accountId)
      throw badRequest(
        `Cluster '${cluster.attributes.name}' has no managed OIDC configuration: its tokens are signed in the cluster`,
      )
    const sealed = await ctx.store.secretVersions.get(config.arn, SIGNING_KEY_VERSION)
    if (sealed === undefined || !('string' in sealed.value))
      throw new AwsError('CLUSTERS-MGMT-500', 500, `OIDC config '${configId}' has no signing key`)
    const issuedAt = Math.floor(ctx.now.getTime() / 1000)
    const key = {
      issuerUrl: config.attributes.issuerUrl,
      kid: config.attributes.kid,
      privateKey: createPrivateKey(sealed.value.string),
    }
    const token = await signServiceAccountToken(
      key,
      { namespace, serviceAccount, audience: AUDIENCE },
      issuedAt,
      LIFETIME_SECONDS,
    )
    return {
      kind: 'ServiceAccountToken',
      token,
      expiration_timestamp: new Date((issuedAt + LIFETIME_SECONDS) * 1000).toISOString(),
    }
  },
}
