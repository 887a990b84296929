import type { Operation } from '../../operation.js'
import { secretAuthorization } from '../authz.js'
import { requireSecret } from '../secret.js'

/** Secrets Manager RestoreSecret: cancels a scheduled deletion. */
export const restoreSecret: Operation = {
  async authorize(ctx, input) {
    return [await secretAuthorization(ctx, 'RestoreSecret', input.SecretId)]
  },
  async run(ctx, input) {
    const secret = await requireSecret(ctx, input.SecretId, { allowDeleted: true })
    if (secret.attributes.deletedDate !== undefined) {
      const { deletedDate: _d, deletionDate: _t, ...attributes } = secret.attributes
      await ctx.store.cloudResources.update(secret.arn, { attributes, at: ctx.now }, secret.revision)
    }
    return { ARN: secret.arn, Name: secret.attributes.name }
  },
}
