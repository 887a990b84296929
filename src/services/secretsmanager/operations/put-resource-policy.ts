import type { Operation } from '../../operation.js'
import { secretAuthorization } from '../authz.js'
import { blockPublicPolicy, requireValidResourcePolicy } from '../resource-policy.js'
import { requireSecret } from '../secret.js'

/** Secrets Manager PutResourcePolicy: validates and attaches a resource policy to a secret. */
export const putResourcePolicy: Operation = {
  async authorize(ctx, input) {
    const block: Record<string, string> =
      input.BlockPublicPolicy !== undefined
        ? { 'secretsmanager:BlockPublicPolicy': String(input.BlockPublicPolicy) }
        : {}
    return [await secretAuthorization(ctx, 'PutResourcePolicy', input.SecretId, block)]
  },
  async run(ctx, input) {
    const secret = await requireSecret(ctx, input.SecretId)
    const policy = String(input.ResourcePolicy)
    requireValidResourcePolicy(policy)
    if (input.BlockPublicPolicy === true) blockPublicPolicy(policy)
    await ctx.store.cloudResources.update(
      secret.arn,
      { attributes: Object.assign({}, secret.attributes, { policy }), at: ctx.now },
      secret.revision,
    )
    return { ARN: secret.arn, Name: secret.attributes.name }
  },
}
