import type { AuthorizationRequest, Operation } from '../../operation.js'
import { inputArns } from '../mappers.js'
import { owningAuthorization } from '../owning-actions.js'
import { failures, loadTargets } from '../targets.js'

const inputKeys = (input: Record<string, unknown>): string[] =>
  ((input.TagKeys as string[] | undefined) ?? []).map(String)

/**
 * Resource Groups Tagging API UntagResources: tag:UntagResources, and the owning service's untagging action on
 * each resource; ARNs it cannot untag go to FailedResourcesMap.
 */
export const untagResources: Operation = {
  async authorize(ctx, input) {
    const keys = inputKeys(input)
    const requests: AuthorizationRequest[] = [
      { action: 'tag:UntagResources', resource: '*', context: { 'aws:TagKeys': keys } },
    ]
    for (const target of await loadTargets(ctx, inputArns(input))) {
      if (!('resource' in target)) continue
      const owning = owningAuthorization(target.resource, 'untag', { keys })
      if (owning !== undefined) requests.push(owning)
    }
    return requests
  },
  async run(ctx, input) {
    const drop = new Set(inputKeys(input))
    const targets = await loadTargets(ctx, inputArns(input))
    await ctx.store.transaction(async (tx) => {
      for (const target of targets) {
        if (!('resource' in target)) continue
        await tx.cloudResources.update(
          target.arn,
          {
            tags: target.resource.tags.filter((t) => !drop.has(t.key)),
            at: ctx.now,
          },
          target.resource.revision,
        )
      }
    })
    return { FailedResourcesMap: failures(targets) }
  },
}
