import type { Tag } from '../../../store/index.js'
import type { AuthorizationRequest, Operation } from '../../operation.js'
import { inputArns } from '../mappers.js'
import { owningAuthorization } from '../owning-actions.js'
import { failures, loadTargets } from '../targets.js'

const inputTags = (input: Record<string, unknown>): Tag[] =>
  Object.entries((input.Tags as Record<string, string> | undefined) ?? {}).map(([key, value]) => ({
    key,
    value: String(value),
  }))

/**
 * Resource Groups Tagging API TagResources: tag:TagResources, and the owning service's tagging action on each
 * resource (ec2:CreateTags, s3:PutBucketTagging, …); ARNs it cannot tag go to FailedResourcesMap.
 */
export const tagResources: Operation = {
  async authorize(ctx, input) {
    const tags = inputTags(input)
    const context: Record<string, string | string[]> = { 'aws:TagKeys': tags.map((t) => t.key) }
    for (const tag of tags) context[`aws:RequestTag/${tag.key}`] = tag.value
    const requests: AuthorizationRequest[] = [{ action: 'tag:TagResources', resource: '*', context }]
    for (const target of await loadTargets(ctx, inputArns(input))) {
      if (!('resource' in target)) continue
      const owning = owningAuthorization(target.resource, 'tag', { tags })
      if (owning !== undefined) requests.push(owning)
    }
    return requests
  },
  async run(ctx, input) {
    const tags = inputTags(input)
    const added = new Set(tags.map((t) => t.key))
    const targets = await loadTargets(ctx, inputArns(input))
    await ctx.store.transaction(async (tx) => {
      for (const target of targets) {
        if (!('resource' in target)) continue
        const kept = target.resource.tags.filter((t) => !added.has(t.key))
        await tx.cloudResources.update(
          target.arn,
          { tags: [...kept, ...tags], at: ctx.now },
          target.resource.revision,
        )
      }
    })
    return { FailedResourcesMap: failures(targets) }
  },
}
