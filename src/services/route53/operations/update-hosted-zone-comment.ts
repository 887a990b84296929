import type { Operation } from '../../operation.js'
import { zoneAuthorization } from '../authz.js'
import { toZoneShape } from '../mappers.js'
import { bareZoneId } from '../names.js'
import { requireZone, type Zone, type ZoneAttributes } from '../zone.js'

/** Route 53 UpdateHostedZoneComment: sets or (with no Comment) clears the zone's comment. */
export const updateHostedZoneComment: Operation = {
  async authorize(_ctx, input) {
    return [zoneAuthorization('UpdateHostedZoneComment', bareZoneId(input.Id))]
  },
  async run(ctx, input) {
    const zone = await requireZone(ctx, bareZoneId(input.Id))
    const { comment: _old, ...rest } = zone.attributes
    // `rest` is a fresh copy without the old comment.
    const attributes: ZoneAttributes =
      input.Comment !== undefined ? Object.assign(rest, { comment: String(input.Comment) }) : rest
    const updated = await ctx.store.cloudResources.update<ZoneAttributes>(
      zone.arn,
      { attributes, at: ctx.now },
      zone.revision,
    )
    return { HostedZone: toZoneShape((updated ?? zone) as Zone) }
  },
}
