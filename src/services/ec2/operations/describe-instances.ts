import type { Operation } from '../../operation.js'
import { onAnyResource } from '../authz.js'
import { INSTANCE_FILTERS } from '../compute/instance-filters.js'
import { toInstanceShape } from '../compute/instance-shape.js'
import { loadInstances } from '../compute/instances.js'
import { invalidParameterCombination } from '../errors.js'
import { checkFilters, type Ec2Filter, matchesFilters } from '../filters.js'
import { paginate } from '../pagination.js'

/** EC2 DescribeInstances: the caller's instances grouped by reservation, filtered and paged by instance id. */
export const describeInstances: Operation = {
  readOnly: true,
  async authorize(ctx) {
    return [onAnyResource(ctx, 'ec2:DescribeInstances')]
  },
  async run(ctx, input) {
    const ids = (input.InstanceIds ?? []) as string[]
    const filters = (input.Filters ?? []) as Ec2Filter[]
    checkFilters(filters, INSTANCE_FILTERS)
    if (ids.length > 0 && input.MaxResults !== undefined)
      throw invalidParameterCombination(
        'The parameter instancesSet cannot be used with the parameter maxResults',
      )
    const records = await loadInstances(ctx, ids)
    const items = []
    for (const record of records) {
      const shape = toInstanceShape(record, ctx.region, ctx.now)
      const row = { ...shape, ReservationId: record.attributes.reservationId, OwnerId: record.accountId }
      if (matchesFilters(row, filters, INSTANCE_FILTERS)) items.push({ record, shape })
    }
    const page = paginate(items, (item) => item.record.id, input)
    const reservations = new Map<
      string,
      { ReservationId: string; OwnerId: string; Groups: []; Instances: unknown[] }
    >()
    for (const { record, shape } of page.items) {
      const id = record.attributes.reservationId
      let reservation = reservations.get(id)
      if (reservation === undefined) {
        reservation = { ReservationId: id, OwnerId: record.accountId, Groups: [], Instances: [] }
        reservations.set(id, reservation)
      }
      reservation.Instances.push(shape)
    }
    return {
      Reservations: [...reservations.values()],
      ...(page.nextToken !== undefined ? { NextToken: page.nextToken } : {}),
    }
  },
}
