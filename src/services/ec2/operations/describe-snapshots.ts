import type { Operation } from '../../operation.js'
import { accountOf, onAnyResource } from '../authz.js'
import { SNAPSHOT_FILTERS } from '../compute/instance-filters.js'
import { type SnapshotRecord, toSnapshotShape } from '../compute/volume-shape.js'
import { describe } from '../describe.js'

/**
 * EC2 DescribeSnapshots: the caller's snapshots in the region (Lanyard has no public or shared ones, so
 * OwnerIds other than `self` or the caller's account find nothing).
 */
export const describeSnapshots: Operation = {
  readOnly: true,
  async authorize(ctx) {
    return [onAnyResource(ctx, 'ec2:DescribeSnapshots')]
  },
  async run(ctx, input) {
    const owners = (input.OwnerIds ?? []) as string[]
    const self = accountOf(ctx)
    if (owners.length > 0 && !owners.some((o) => o === 'self' || o === self)) return { Snapshots: [] }
    const page = await describe(ctx, input, {
      type: 'snapshot',
      idsMember: 'SnapshotIds',
      idsParameter: 'snapshotIds',
      filters: SNAPSHOT_FILTERS,
      shape: (record) => toSnapshotShape(record as unknown as SnapshotRecord, ctx.now),
    })
    return { Snapshots: page.items, ...(page.nextToken !== undefined ? { NextToken: page.nextToken } : {}) }
  },
}
