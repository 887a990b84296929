import type { Operation } from '../../operation.js'
import { onAnyResource } from '../authz.js'
import { OFFERING_FILTERS } from '../compute/instance-type-shape.js'
import { INSTANCE_TYPES } from '../compute/instance-types.js'
import { invalidParameterValue } from '../errors.js'
import { checkFilters, type Ec2Filter, matchesFilters } from '../filters.js'
import { paginate } from '../pagination.js'
import { zonesOf } from '../regions.js'

/** EC2 DescribeInstanceTypeOfferings: every type is offered in the region and in each of its zones. */
export const describeInstanceTypeOfferings: Operation = {
  readOnly: true,
  async authorize(ctx) {
    return [onAnyResource(ctx, 'ec2:DescribeInstanceTypeOfferings')]
  },
  async run(ctx, input) {
    const filters = (input.Filters ?? []) as Ec2Filter[]
    checkFilters(filters, OFFERING_FILTERS)
    const locationType = typeof input.LocationType === 'string' ? input.LocationType : 'region'
    const locations =
      locationType === 'region'
        ? [ctx.region]
        : locationType === 'availability-zone'
          ? zonesOf(ctx.region).map((z) => z.ZoneName)
          : locationType === 'availability-zone-id'
            ? zonesOf(ctx.region).map((z) => z.ZoneId)
            : undefined
    if (locations === undefined)
      throw invalidParameterValue(`Value (${locationType}) for parameter locationType is invalid.`)
    const items = [...INSTANCE_TYPES.keys()]
      .sort()
      .flatMap((name) =>
        locations.map((location) => ({ InstanceType: name, LocationType: locationType, Location: location })),
      )
      .filter((item) => matchesFilters(item, filters, OFFERING_FILTERS))
    const page = paginate(items, (item) => `${item.InstanceType}/${item.Location}`, input, {
      min: 5,
      max: 1000,
    })
    return {
      InstanceTypeOfferings: page.items,
      ...(page.nextToken !== undefined ? { NextToken: page.nextToken } : {}),
    }
  },
}
