import { AwsError } from '../../../kernel/aws-error.js'
import { type InstanceRecord, stateAt } from './instance-shape.js'
import type { InstanceAttributes } from './records.js'

/** The `Attribute` values DescribeInstanceAttribute accepts, with the member of `InstanceAttribute` each fills. */
export const DESCRIBED_ATTRIBUTES: Readonly<
  Record<string, (record: InstanceRecord) => Record<string, unknown>>
> = {
  instanceType: (r) => ({ InstanceType: { Value: r.attributes.instanceType } }),
  kernel: () => ({ KernelId: {} }),
  ramdisk: () => ({ RamdiskId: {} }),
  userData: (r) => ({
    UserData: r.attributes.userData === undefined ? {} : { Value: r.attributes.userData },
  }),
  disableApiTermination: (r) => ({ DisableApiTermination: { Value: r.attributes.disableApiTermination } }),
  disableApiStop: (r) => ({ DisableApiStop: { Value: r.attributes.disableApiStop } }),
  instanceInitiatedShutdownBehavior: (r) => ({
    InstanceInitiatedShutdownBehavior: { Value: r.attributes.shutdownBehavior },
  }),
  rootDeviceName: (r) => ({ RootDeviceName: { Value: r.attributes.rootDeviceName } }),
  blockDeviceMapping: (r) => ({
    BlockDeviceMappings: r.attributes.blockDevices.map((d) => ({
      DeviceName: d.deviceName,
      Ebs: {
        AttachTime: new Date(d.attachTime),
        DeleteOnTermination: d.deleteOnTermination,
        Status: 'attached',
        VolumeId: d.volumeId,
      },
    })),
  }),
  productCodes: () => ({ ProductCodes: [] }),
  sourceDestCheck: (r) => ({ SourceDestCheck: { Value: r.attributes.sourceDestCheck } }),
  groupSet: (r) => ({
    Groups: r.attributes.securityGroups.map((g) => ({ GroupId: g.groupId, GroupName: g.groupName })),
  }),
  ebsOptimized: (r) => ({ EbsOptimized: { Value: r.attributes.ebsOptimized } }),
  sriovNetSupport: () => ({ SriovNetSupport: { Value: 'simple' } }),
  enaSupport: () => ({ EnaSupport: { Value: true } }),
  enclaveOptions: () => ({ EnclaveOptions: { Enabled: false } }),
}

/** AWS: InvalidParameterValue naming the attribute values DescribeInstanceAttribute takes. */
export const invalidAttribute = (name: string): AwsError =>
  new AwsError(
    'InvalidParameterValue',
    400,
    `Value (${name}) for parameter attribute is invalid. Unknown attribute.`,
  )

/** AWS: attributes that only a stopped instance may change. */
export const STOPPED_ONLY: ReadonlySet<keyof InstanceAttributes> = new Set([
  'instanceType',
  'userData',
  'ebsOptimized',
])

/** Throws IncorrectInstanceState when `record` is not stopped. */
export function requireStopped(record: InstanceRecord, now: Date): void {
  if (stateAt(record, now).name !== 'stopped')
    throw new AwsError(
      'IncorrectInstanceState',
      400,
      `The instance '${record.id}' is not in the 'stopped' state.`,
    )
}
