import type { Operation } from '../../../operation.js'
import { onResource } from '../../authz.js'
import { withoutTags } from '../../tags.js'
import { type ClassicRecord, loadClassic } from '../loader.js'

const inputNames = (input: Record<string, unknown>): string[] =>
  Array.isArray(input.LoadBalancerNames) ? input.LoadBalancerNames.map(String) : []

/** The keys of the `Tags` member (`[{Key}]`). */
const inputKeys = (input: Record<string, unknown>): string[] =>
  (Array.isArray(input.Tags) ? (input.Tags as { Key?: string }[]) : []).map((t) => String(t.Key))

/** ELB RemoveTags: removes tag keys from classic load balancers. */
export const removeTags: Operation = {
  async authorize(ctx, input) {
    const context = { 'aws:TagKeys': inputKeys(input) }
    const requests = []
    for (const name of inputNames(input))
      requests.push(onResource('RemoveTags', await loadClassic(ctx, name), context))
    return requests
  },
  async run(ctx, input) {
    const keys = inputKeys(input)
    const found: ClassicRecord[] = []
    for (const name of inputNames(input)) found.push(await loadClassic(ctx, name))
    await ctx.store.transaction(async (tx) => {
      for (const lb of found)
        await tx.cloudResources.update(lb.arn, { tags: withoutTags(lb.tags, keys), at: ctx.now })
    })
    return {}
  },
}
