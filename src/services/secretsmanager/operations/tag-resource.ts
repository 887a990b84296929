import type { Operation } from '../../operation.js'
import { secretAuthorization } from '../authz.js'
import { requireSecret } from '../secret.js'
import { inputTags, mergeTags, requestTagContext } from '../tags.js'

/** Secrets Manager TagResource: adds tags, replacing the value of a key already present. */
export const tagResource: Operation = {
  async authorize(ctx, input) {
    return [
      await secretAuthorization(ctx, 'TagResource', input.SecretId, requestTagContext(inputTags(input))),
    ]
  },
  async run(ctx, input) {
    const secret = await requireSecret(ctx, input.SecretId)
    const tags = mergeTags(secret.tags, inputTags(input))
    await ctx.store.cloudResources.update(secret.arn, { tags, at: ctx.now }, secret.revision)
    return {}
  },
}
