import type { Operation } from '../../operation.js'
import { zoneAuthorization } from '../authz.js'
import { toDelegationSet, toZoneShape } from '../mappers.js'
import { bareZoneId } from '../names.js'
import { requireZone } from '../zone.js'

/** Route 53 GetHostedZone: the zone, its name servers (public) or its VPCs (private). */
export const getHostedZone: Operation = {
  readOnly: true,
  async authorize(_ctx, input) {
    return [zoneAuthorization('GetHostedZone', bareZoneId(input.Id))]
  },
  async run(ctx, input) {
    const zone = await requireZone(ctx, bareZoneId(input.Id))
    return {
      HostedZone: toZoneShape(zone),
      DelegationSet: toDelegationSet(zone),
      VPCs: zone.attributes.privateZone ? [...zone.attributes.vpcs] : undefined,
    }
  },
}
