import type { Operation } from '../../operation.js'
import { anyResource } from '../authz.js'
import { toZoneShape } from '../mappers.js'
import { bareZoneId } from '../names.js'
import { allZones } from '../zone.js'

/** Route 53 ListHostedZones: the account's zones by id, 100 a page by default, continued with Marker. */
export const listHostedZones: Operation = {
  readOnly: true,
  async authorize() {
    return [anyResource('ListHostedZones')]
  },
  async run(ctx, input) {
    const max = (input.MaxItems as number | undefined) ?? 100
    const marker = input.Marker === undefined ? undefined : bareZoneId(input.Marker)
    const zones = (await allZones(ctx)).filter((z) => marker === undefined || z.id >= marker)
    const page = zones.slice(0, max)
    const next = zones[max]
    return {
      HostedZones: page.map(toZoneShape),
      Marker: input.Marker,
      IsTruncated: next !== undefined,
      NextMarker: next?.id,
      MaxItems: max,
    }
  },
}
