import type { Operation } from '../../operation.js'
import { anyResource } from '../authz.js'
import { toZoneShape } from '../mappers.js'
import { bareZoneId, normalizeName, sortKey } from '../names.js'
import { allZones, type Zone } from '../zone.js'

const order = (a: Zone, b: Zone): number =>
  sortKey(a.attributes.name).localeCompare(sortKey(b.attributes.name)) || a.id.localeCompare(b.id)

/** Route 53 ListHostedZonesByName: zones ordered by name with labels from the root, from DNSName/HostedZoneId on. */
export const listHostedZonesByName: Operation = {
  readOnly: true,
  async authorize() {
    return [anyResource('ListHostedZonesByName')]
  },
  async run(ctx, input) {
    const max = (input.MaxItems as number | undefined) ?? 100
    const dnsName = input.DNSName === undefined ? undefined : normalizeName(String(input.DNSName))
    const startId = input.HostedZoneId === undefined ? undefined : bareZoneId(input.HostedZoneId)
    const zones = (await allZones(ctx)).sort(order).filter((z) => {
      if (dnsName === undefined) return true
      const byName = sortKey(z.attributes.name).localeCompare(sortKey(dnsName))
      return byName > 0 || (byName === 0 && (startId === undefined || z.id >= startId))
    })
    const page = zones.slice(0, max)
    const next = zones[max]
    return {
      HostedZones: page.map(toZoneShape),
      DNSName: input.DNSName,
      HostedZoneId: input.HostedZoneId,
      IsTruncated: next !== undefined,
      NextDNSName: next?.attributes.name,
      NextHostedZoneId: next?.id,
      MaxItems: max,
    }
  },
}
