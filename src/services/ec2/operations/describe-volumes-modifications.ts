import { AwsError } from '../../../kernel/aws-error.js'
import type { Operation } from '../../operation.js'
import { onAnyResource } from '../authz.js'
import { MODIFICATION_FILTERS } from '../compute/instance-filters.js'
import type { VolumeAttributes } from '../compute/records.js'
import { toModificationShape } from '../compute/volume-shape.js'
import { checkFilters, type Ec2Filter, matchesFilters } from '../filters.js'
import { paginate } from '../pagination.js'
import { checkId, listResources } from '../resource-store.js'

/** EC2 DescribeVolumesModifications: the latest modification of each volume that has one. */
export const describeVolumesModifications: Operation = {
  readOnly: true,
  async authorize(ctx) {
    return [onAnyResource(ctx, 'ec2:DescribeVolumesModifications')]
  },
  async run(ctx, input) {
    const ids = (input.VolumeIds ?? []) as string[]
    const filters = (input.Filters ?? []) as Ec2Filter[]
    checkFilters(filters, MODIFICATION_FILTERS)
    for (const id of ids) checkId('volume', id)
    const volumes = await listResources<VolumeAttributes>(ctx, 'volume', ids.length > 0 ? { ids } : {})
    for (const id of ids) {
      if (!volumes.some((v) => v.id === id && v.attributes.modification !== undefined))
        throw new AwsError(
          'InvalidVolumeModification.NotFound',
          400,
          `Modification for volume '${id}' does not exist.`,
        )
    }
    const items = volumes
      .filter((v) => v.attributes.modification !== undefined)
      .map((v) => toModificationShape(v.id, v.attributes.modification!, ctx.now))
      .filter((shape) => matchesFilters(shape, filters, MODIFICATION_FILTERS))
    const page = paginate(items, (item) => String(item.VolumeId), input, { min: 5, max: 500 })
    return {
      VolumesModifications: page.items,
      ...(page.nextToken !== undefined ? { NextToken: page.nextToken } : {}),
    }
  },
}
