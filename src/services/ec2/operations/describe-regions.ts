import type { Operation } from '../../operation.js'
import { onAnyResource } from '../authz.js'
import { invalidParameterValue } from '../errors.js'
import { checkFilters, type Ec2Filter, type FilterTable, matchesFilters } from '../filters.js'
import { REGIONS } from '../regions.js'

const FILTERS: FilterTable = {
  'region-name': 'RegionName',
  endpoint: 'Endpoint',
  'opt-in-status': 'OptInStatus',
}

/** EC2 DescribeRegions: the regions of the built-in table. */
export const describeRegions: Operation = {
  readOnly: true,
  async authorize(ctx) {
    return [onAnyResource(ctx, 'ec2:DescribeRegions')]
  },
  async run(_ctx, input) {
    const filters = (input.Filters ?? []) as Ec2Filter[]
    checkFilters(filters, FILTERS)
    const names = (input.RegionNames ?? []) as string[]
    for (const name of names) {
      // AWS: InvalidParameterValue for a region name it does not know.
      if (!REGIONS.some((r) => r.name === name)) throw invalidParameterValue(`Invalid region: ${name}`)
    }
    const regions = REGIONS.filter((r) => names.length === 0 || names.includes(r.name))
      .map((r) => ({
        RegionName: r.name,
        Endpoint: `ec2.${r.name}.amazonaws.com`,
        OptInStatus: 'opt-in-not-required',
      }))
      .filter((r) => matchesFilters(r, filters, FILTERS))
    return { Regions: regions }
  },
}
