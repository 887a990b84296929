import type { Operation } from '../../../operation.js'
import { onResource, requestTagContext } from '../../authz.js'
import { inputTags, mergeTags } from '../../tags.js'
import { type ClassicRecord, loadClassic } from '../loader.js'

const inputNames = (input: Record<string, unknown>): string[] =>
  Array.isArray(input.LoadBalancerNames) ? input.LoadBalancerNames.map(String) : []

/** ELB AddTags: adds or overwrites tags of classic load balancers. */
export const addTags: Operation = {
  async authorize(ctx, input) {
    const context = requestTagContext(inputTags(input))
    const requests = []
    for (const name of inputNames(input))
      requests.push(onResource('AddTags', await loadClassic(ctx, name), context))
    return requests
  },
  async run(ctx, input) {
    const added = inputTags(input)
    const found: ClassicRecord[] = []
    for (const name of inputNames(input)) found.push(await loadClassic(ctx, name))
    const changes = found.map((lb) => ({ lb, tags: mergeTags(lb.tags, added) }))
    await ctx.store.transaction(async (tx) => {
      for (const { lb, tags } of changes) await tx.cloudResources.update(lb.arn, { tags, at: ctx.now })
    })
    return {}
  },
}
