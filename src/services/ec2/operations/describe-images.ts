import type { Operation } from '../../operation.js'
import { accountOf, onAnyResource } from '../authz.js'
import { catalogImages, toImageShape } from '../compute/image-catalog.js'
import { IMAGE_FILTERS } from '../compute/instance-filters.js'
import { notFound } from '../errors.js'
import { checkFilters, type Ec2Filter, matchesFilters } from '../filters.js'
import { checkId } from '../resource-store.js'

/**
 * EC2 DescribeImages over the built-in catalog: every image is public, so with no Owners, ExecutableUsers or
 * ImageIds the whole catalog comes back. `Owners` takes account ids, `self` (the catalog has none of the
 * caller's own) and aliases (`amazon`, `aws-marketplace`: none of the catalog's).
 */
export const describeImages: Operation = {
  readOnly: true,
  async authorize(ctx) {
    return [onAnyResource(ctx, 'ec2:DescribeImages')]
  },
  async run(ctx, input) {
    const ids = (input.ImageIds ?? []) as string[]
    const owners = (input.Owners ?? []) as string[]
    const filters = (input.Filters ?? []) as Ec2Filter[]
    checkFilters(filters, IMAGE_FILTERS)
    for (const id of ids) checkId('image', id)
    const catalog = catalogImages(ctx.region)
    const missing = ids.filter((id) => !catalog.some((image) => image.imageId === id))
    if (missing.length > 0) throw notFound('image', missing)
    const self = accountOf(ctx)
    const images = catalog
      .filter((image) => ids.length === 0 || ids.includes(image.imageId))
      .filter(
        (image) =>
          owners.length === 0 ||
          owners.some((o) => o === image.ownerId || (o === 'self' && image.ownerId === self)),
      )
      .map(toImageShape)
      .filter((shape) => matchesFilters(shape, filters, IMAGE_FILTERS))
    return { Images: images }
  },
}
