import type { Operation } from '../../operation.js'
import { secretAuthorization } from '../authz.js'
import { requireSecret } from '../secret.js'

/** Secrets Manager DeleteResourcePolicy: removes the secret's resource policy; no error when it has none. */
export const deleteResourcePolicy: Operation = {
  async authorize(ctx, input) {
    return [await secretAuthorization(ctx, 'DeleteResourcePolicy', input.SecretId)]
  },
  async run(ctx, input) {
    const secret = await requireSecret(ctx, input.SecretId)
    if (secret.attributes.policy !== undefined) {
      const { policy: _policy, ...attributes } = secret.attributes
      await ctx.store.cloudResources.update(secret.arn, { attributes, at: ctx.now }, secret.revision)
    }
    return { ARN: secret.arn, Name: secret.attributes.name }
  },
}
