import type { Operation } from '../../operation.js'
import { zoneAuthorization } from '../authz.js'
import { recordChange } from '../changes.js'
import { hostedZoneNotEmpty } from '../errors.js'
import { bareZoneId } from '../names.js'
import { requireZone } from '../zone.js'

/** Route 53 DeleteHostedZone: only a zone holding nothing but its apex SOA and NS records. */
export const deleteHostedZone: Operation = {
  async authorize(_ctx, input) {
    return [zoneAuthorization('DeleteHostedZone', bareZoneId(input.Id))]
  },
  async run(ctx, input) {
    const zone = await requireZone(ctx, bareZoneId(input.Id))
    const extra = zone.attributes.records.filter(
      (r) => !(r.name === zone.attributes.name && (r.type === 'SOA' || r.type === 'NS')),
    )
    if (extra.length > 0) throw hostedZoneNotEmpty()
    const change = await ctx.store.transaction(async (tx) => {
      await tx.cloudResources.delete(zone.arn)
      return recordChange(ctx, tx)
    })
    return { ChangeInfo: change }
  },
}
