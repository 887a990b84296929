import type { Operation } from '../../operation.js'
import { attachVolume } from '../operations/attach-volume.js'
import { createSnapshot } from '../operations/create-snapshot.js'
import { createVolume } from '../operations/create-volume.js'
import { deleteSnapshot } from '../operations/delete-snapshot.js'
import { deleteVolume } from '../operations/delete-volume.js'
import { describeAccountAttributes } from '../operations/describe-account-attributes.js'
import { describeImages } from '../operations/describe-images.js'
import { describeInstanceAttribute } from '../operations/describe-instance-attribute.js'
import { describeInstanceStatus } from '../operations/describe-instance-status.js'
import { describeInstanceTypeOfferings } from '../operations/describe-instance-type-offerings.js'
import { describeInstanceTypes } from '../operations/describe-instance-types.js'
import { describeInstances } from '../operations/describe-instances.js'
import { describeSnapshots } from '../operations/describe-snapshots.js'
import { describeVolumes } from '../operations/describe-volumes.js'
import { describeVolumesModifications } from '../operations/describe-volumes-modifications.js'
import { detachVolume } from '../operations/detach-volume.js'
import { modifyInstanceAttribute } from '../operations/modify-instance-attribute.js'
import { modifyVolume } from '../operations/modify-volume.js'
import { rebootInstances } from '../operations/reboot-instances.js'
import { runInstances } from '../operations/run-instances.js'
import { startInstances } from '../operations/start-instances.js'
import { stopInstances } from '../operations/stop-instances.js'
import { terminateInstances } from '../operations/terminate-instances.js'

/** The EC2 compute operations (images, instances, EBS volumes and snapshots), by name. */
export const EC2_COMPUTE_OPERATIONS: Readonly<Record<string, Operation>> = {
  AttachVolume: attachVolume,
  CreateSnapshot: createSnapshot,
  CreateVolume: createVolume,
  DeleteSnapshot: deleteSnapshot,
  DeleteVolume: deleteVolume,
  DescribeAccountAttributes: describeAccountAttributes,
  DescribeImages: describeImages,
  DescribeInstanceAttribute: describeInstanceAttribute,
  DescribeInstanceStatus: describeInstanceStatus,
  DescribeInstanceTypeOfferings: describeInstanceTypeOfferings,
  DescribeInstanceTypes: describeInstanceTypes,
  DescribeInstances: describeInstances,
  DescribeSnapshots: describeSnapshots,
  DescribeVolumes: describeVolumes,
  DescribeVolumesModifications: describeVolumesModifications,
  DetachVolume: detachVolume,
  ModifyInstanceAttribute: modifyInstanceAttribute,
  ModifyVolume: modifyVolume,
  RebootInstances: rebootInstances,
  RunInstances: runInstances(),
  StartInstances: startInstances,
  StopInstances: stopInstances,
  TerminateInstances: terminateInstances,
}
