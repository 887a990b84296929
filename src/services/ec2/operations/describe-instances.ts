import type { TagFilter } from '../../../store/index.js'
import type { Operation } from '../../operation.js'
import { onAnyResource } from '../authz.js'
import { INSTANCE_FILTERS } from '../compute/instance-filters.js'
import { instancePage } from '../compute/instance-pages.js'
import { type InstanceRecord, toInstanceShape } from '../compute/instance-shape.js'
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
    if (ids.length === 0 && filters.length === 0 && input.MaxResults !== undefined)
      return reservationsOf(await instancePage(ctx, input), ctx.region, ctx.now)
    // Ids are checked (NotFound) before any filter narrows what is read.
    if (ids.length > 0 && filters.length > 0) await loadInstances(ctx, ids)
    const records = await loadInstances(ctx, ids, storeTagFilters(filters))
    const page =
      filters.length === 0
        ? // Without filters only the page is shaped.
          paginate(records, (record) => record.id, input)
        : paginate(
            records.filter((record) =>
              matchesFilters(filterRow(record, ctx.region, ctx.now), filters, INSTANCE_FILTERS),
            ),
            (record) => record.id,
            input,
          )
    return reservationsOf(page, ctx.region, ctx.now)
  },
}

/** The Instance shape with its reservation's members, which the filters read. */
function filterRow(record: InstanceRecord, region: string, now: Date): Record<string, unknown> {
  const shape = toInstanceShape(record, region, now)
  shape.ReservationId = record.attributes.reservationId
  shape.OwnerId = record.accountId
  return shape
}

/** `tag:<key>` filters without wildcards, which the store's tag index answers before anything is read. */
function storeTagFilters(filters: readonly Ec2Filter[]): TagFilter[] {
  return filters
    .filter((f) => f.Name?.startsWith('tag:') && (f.Values ?? []).every((v) => !/[*?\\]/.test(v)))
    .map((f) => ({ key: f.Name!.slice(4), values: f.Values ?? [] }))
}

/** The DescribeInstances answer of a page: its instances grouped by reservation, in page order. */
function reservationsOf(
  page: { readonly items: readonly InstanceRecord[]; readonly nextToken?: string },
  region: string,
  now: Date,
): Record<string, unknown> {
  const reservations = new Map<
    string,
    { ReservationId: string; OwnerId: string; Groups: []; Instances: unknown[] }
  >()
  for (const record of page.items) {
    const shape = toInstanceShape(record, region, now)
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
}
