import { AwsError } from '../../../kernel/aws-error.js'
import type { Store } from '../../../store/index.js'
import type { Operation } from '../../operation.js'
import type { ClusterAttributes } from '../clusters.js'
import { requireOidcConfig } from '../oidc-configs.js'

/** The names of the account's clusters (any region) that use the OIDC configuration `id`. */
async function clustersUsing(store: Store, accountId: string, id: string): Promise<string[]> {
  const names: string[] = []
  let after: string | undefined
  do {
    const page = await store.cloudResources.tagged({
      accountId,
      types: ['clusters:cluster'],
      limit: 100,
      ...(after ? { after } : {}),
    })
    for (const item of page.items) {
      const attributes = item.attributes as ClusterAttributes
      if (attributes.sts?.oidcConfigId === id) names.push(attributes.name)
    }
    after = page.next
  } while (after !== undefined)
  return names
}

/** DELETE /oidc_configs/{id}: deletes a managed configuration and its provider-side key; refused while in use. */
export const deleteOidcConfig: Operation = {
  async authorize(ctx, input) {
    const config = await requireOidcConfig(ctx.store, String(input.oidc_config_id))
    return [{ action: 'clusters:DeleteOidcConfig', resource: config.arn, resourceAccount: config.accountId }]
  },
  async run(ctx, input) {
    const config = await requireOidcConfig(ctx.store, String(input.oidc_config_id))
    const users = await clustersUsing(ctx.store, config.accountId, config.attributes.ocmId)
    if (users.length > 0)
      throw new AwsError(
        'CLUSTERS-MGMT-400',
        400,
        `OIDC config '${config.attributes.ocmId}' is in use by cluster(s) ${users.join(', ')}`,
      )
    // The sealed key's row references the configuration's and goes with it (ON DELETE CASCADE).
    await ctx.store.cloudResources.delete(config.arn)
    return undefined
  },
}
