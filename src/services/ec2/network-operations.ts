import type { Operation } from '../operation.js'
import { createTags } from './operations/create-tags.js'
import { deleteTags } from './operations/delete-tags.js'
import { describeAvailabilityZones } from './operations/describe-availability-zones.js'
import { describeRegions } from './operations/describe-regions.js'
import { describeTags } from './operations/describe-tags.js'

/** The EC2 operations of the framework and networking side (regions, tags, VPC resources), by name. */
export const EC2_NETWORK_OPERATIONS: Readonly<Record<string, Operation>> = {
  CreateTags: createTags,
  DeleteTags: deleteTags,
  DescribeAvailabilityZones: describeAvailabilityZones,
  DescribeRegions: describeRegions,
  DescribeTags: describeTags,
}
