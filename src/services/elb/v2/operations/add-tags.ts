import type { CloudResourceRecord, Tag } from '../../../../store/index.js'
import type { Operation } from '../../../operation.js'
import { onResource, requestTagContext } from '../../authz.js'
import { inputTags, mergeTags } from '../../tags.js'
import { inputArns, loadTaggable } from '../taggable.js'

/** ELBv2 AddTags: adds or overwrites tags of load balancers, target groups and listeners. */
export const addTags: Operation = {
  async authorize(ctx, input) {
    const context = requestTagContext(inputTags(input))
    const requests = []
    for (const arn of inputArns(input))
      requests.push(onResource('AddTags', await loadTaggable(ctx, arn), context))
    return requests
  },
  async run(ctx, input) {
    const added = inputTags(input)
    const resources: { resource: CloudResourceRecord<unknown>; tags: Tag[] }[] = []
    for (const arn of inputArns(input)) {
      const resource = await loadTaggable(ctx, arn)
      resources.push({ resource, tags: mergeTags(resource.tags, added) })
    }
    await ctx.store.transaction(async (tx) => {
      for (const { resource, tags } of resources)
        await tx.cloudResources.update(resource.arn, { tags, at: ctx.now })
    })
    return {}
  },
}
