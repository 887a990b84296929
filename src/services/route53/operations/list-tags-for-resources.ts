import type { Operation } from '../../operation.js'
import { zoneAuthorization } from '../authz.js'
import { bareZoneId } from '../names.js'
import { taggedZone, toTagSet } from '../tags.js'

const ids = (input: Record<string, unknown>): string[] =>
  ((input.ResourceIds as string[] | undefined) ?? []).map(bareZoneId)

/** Route 53 ListTagsForResources: the tags of up to ten hosted zones. */
export const listTagsForResources: Operation = {
  readOnly: true,
  async authorize(_ctx, input) {
    return ids(input).map((id) => zoneAuthorization('ListTagsForResources', id))
  },
  async run(ctx, input) {
    const sets = []
    for (const id of ids(input))
      sets.push(toTagSet(await taggedZone(ctx, { ResourceType: input.ResourceType, ResourceId: id })))
    return { ResourceTagSets: sets }
  },
}
