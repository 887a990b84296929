import type { Operation } from '../../operation.js'
import { onAnyResource } from '../authz.js'
import { VOLUME_FILTERS } from '../compute/instance-filters.js'
import { toVolumeShape, type VolumeRecord } from '../compute/volume-shape.js'
import { describe } from '../describe.js'

/** EC2 DescribeVolumes: the caller's volumes in the region, filtered and paged by id. */
export const describeVolumes: Operation = {
  readOnly: true,
  async authorize(ctx) {
    return [onAnyResource(ctx, 'ec2:DescribeVolumes')]
  },
  async run(ctx, input) {
    const page = await describe(ctx, input, {
      type: 'volume',
      idsMember: 'VolumeIds',
      idsParameter: 'volumeIds',
      filters: VOLUME_FILTERS,
      shape: (record) => toVolumeShape(record as unknown as VolumeRecord, ctx.now),
    })
    return { Volumes: page.items, ...(page.nextToken !== undefined ? { NextToken: page.nextToken } : {}) }
  },
}
