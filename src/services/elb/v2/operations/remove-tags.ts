import type { CloudResourceRecord } from '../../../../store/index.js'
import type { Operation } from '../../../operation.js'
import { onResource } from '../../authz.js'
import { withoutTags } from '../../tags.js'
import { inputArns, loadTaggable } from '../taggable.js'

const inputKeys = (input: Record<string, unknown>): string[] =>
  Array.isArray(input.TagKeys) ? input.TagKeys.map(String) : []

/** ELBv2 RemoveTags: removes tag keys from load balancers, target groups and listeners. */
export const removeTags: Operation = {
  async authorize(ctx, input) {
    const context = { 'aws:TagKeys': inputKeys(input) }
    const requests = []
    for (const arn of inputArns(input))
      requests.push(onResource('RemoveTags', await loadTaggable(ctx, arn), context))
    return requests
  },
  async run(ctx, input) {
    const keys = inputKeys(input)
    const resources: CloudResourceRecord<unknown>[] = []
    for (const arn of inputArns(input)) resources.push(await loadTaggable(ctx, arn))
    await ctx.store.transaction(async (tx) => {
      for (const resource of resources)
        await tx.cloudResources.update(resource.arn, { tags: withoutTags(resource.tags, keys), at: ctx.now })
    })
    return {}
  },
}
