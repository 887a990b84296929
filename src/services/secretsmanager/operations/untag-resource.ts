import type { Operation } from '../../operation.js'
import { secretAuthorization } from '../authz.js'
import { requireSecret } from '../secret.js'

const tagKeys = (input: Record<string, unknown>): string[] =>
  Array.isArray(input.TagKeys) ? input.TagKeys.map(String) : []

/** Secrets Manager UntagResource: removes tags by key; keys the secret lacks are ignored. */
export const untagResource: Operation = {
  async authorize(ctx, input) {
    return [
      await secretAuthorization(ctx, 'UntagResource', input.SecretId, { 'aws:TagKeys': tagKeys(input) }),
    ]
  },
  async run(ctx, input) {
    const secret = await requireSecret(ctx, input.SecretId)
    const drop = new Set(tagKeys(input))
    const tags = secret.tags.filter((tag) => !drop.has(tag.key))
    await ctx.store.cloudResources.update(secret.arn, { tags, at: ctx.now }, secret.revision)
    return {}
  },
}
