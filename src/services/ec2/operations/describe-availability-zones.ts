import type { Operation } from '../../operation.js'
import { onAnyResource } from '../authz.js'
import { invalidParameterValue } from '../errors.js'
import { checkFilters, type Ec2Filter, type FilterTable, matchesFilters } from '../filters.js'
import { zonesOf } from '../regions.js'

const FILTERS: FilterTable = {
  'zone-name': 'ZoneName',
  'zone-id': 'ZoneId',
  'region-name': 'RegionName',
  state: 'State',
  'zone-type': 'ZoneType',
  'group-name': 'GroupName',
  'network-border-group': 'NetworkBorderGroup',
  'opt-in-status': 'OptInStatus',
}

/** EC2 DescribeAvailabilityZones: the zones of the request's region. */
export const describeAvailabilityZones: Operation = {
  readOnly: true,
  async authorize(ctx) {
    return [onAnyResource(ctx, 'ec2:DescribeAvailabilityZones')]
  },
  async run(ctx, input) {
    const filters = (input.Filters ?? []) as Ec2Filter[]
    checkFilters(filters, FILTERS)
    const zones = zonesOf(ctx.region)
    const names = (input.ZoneNames ?? []) as string[]
    const ids = (input.ZoneIds ?? []) as string[]
    for (const name of names) {
      if (!zones.some((z) => z.ZoneName === name))
        throw invalidParameterValue(`The zone '${name}' does not exist.`)
    }
    for (const id of ids) {
      if (!zones.some((z) => z.ZoneId === id))
        throw invalidParameterValue(`The zone ID '${id}' does not exist.`)
    }
    const picked = zones.filter(
      (z) => (names.length === 0 && ids.length === 0) || names.includes(z.ZoneName) || ids.includes(z.ZoneId),
    )
    return { AvailabilityZones: picked.filter((z) => matchesFilters({ ...z }, filters, FILTERS)) }
  },
}
