import type { Operation } from '../../operation.js'
import { zoneAuthorization } from '../authz.js'
import { bareZoneId } from '../names.js'
import { taggedZone } from '../tags.js'

type WireTag = { Key?: string; Value?: string }

/** Route 53 ChangeTagsForResource: adds (replacing values) and removes tags of a hosted zone. */
export const changeTagsForResource: Operation = {
  async authorize(_ctx, input) {
    return [zoneAuthorization('ChangeTagsForResource', bareZoneId(input.ResourceId))]
  },
  async run(ctx, input) {
    const zone = await taggedZone(ctx, input)
    const added = ((input.AddTags as WireTag[] | undefined) ?? []).map((t) => ({
      key: String(t.Key ?? ''),
      value: String(t.Value ?? ''),
    }))
    const removed = new Set(((input.RemoveTagKeys as string[] | undefined) ?? []).map(String))
    const addedKeys = new Set(added.map((t) => t.key))
    const tags = [...zone.tags.filter((t) => !removed.has(t.key) && !addedKeys.has(t.key)), ...added]
    await ctx.store.cloudResources.update(zone.arn, { tags, at: ctx.now }, zone.revision)
    return {}
  },
}
