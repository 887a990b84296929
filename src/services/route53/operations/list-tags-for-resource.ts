import type { Operation } from '../../operation.js'
import { zoneAuthorization } from '../authz.js'
import { bareZoneId } from '../names.js'
import { taggedZone, toTagSet } from '../tags.js'

/** Route 53 ListTagsForResource: the tags of a hosted zone. */
export const listTagsForResource: Operation = {
  readOnly: true,
  async authorize(_ctx, input) {
    return [zoneAuthorization('ListTagsForResource', bareZoneId(input.ResourceId))]
  },
  async run(ctx, input) {
    return { ResourceTagSet: toTagSet(await taggedZone(ctx, input)) }
  },
}
