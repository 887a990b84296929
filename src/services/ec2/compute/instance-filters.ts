import type { FilterTable } from '../filters.js'

const at = (item: Readonly<Record<string, unknown>>, ...path: string[]): unknown =>
  path.reduce<unknown>((v, key) => (v as Record<string, unknown> | undefined)?.[key], item)

const iso = (value: unknown): unknown[] => (value instanceof Date ? [value.toISOString()] : [])

/** The DescribeInstances filters, read from the `Instance` shape (plus its reservation's ReservationId/OwnerId). */
export const INSTANCE_FILTERS: FilterTable = {
  'instance-id': 'InstanceId',
  'instance-state-name': 'State.Name',
  'instance-state-code': 'State.Code',
  'instance-type': 'InstanceType',
  'image-id': 'ImageId',
  'vpc-id': 'VpcId',
  'subnet-id': 'SubnetId',
  'availability-zone': 'Placement.AvailabilityZone',
  'private-ip-address': 'PrivateIpAddress',
  'private-dns-name': 'PrivateDnsName',
  'reservation-id': 'ReservationId',
  'owner-id': 'OwnerId',
  'key-name': 'KeyName',
  'client-token': 'ClientToken',
  architecture: 'Architecture',
  'root-device-type': 'RootDeviceType',
  'root-device-name': 'RootDeviceName',
  'iam-instance-profile.arn': 'IamInstanceProfile.Arn',
  'iam-instance-profile.id': 'IamInstanceProfile.Id',
  'instance.group-id': 'SecurityGroups.GroupId',
  'instance.group-name': 'SecurityGroups.GroupName',
  'network-interface.network-interface-id': 'NetworkInterfaces.NetworkInterfaceId',
  'network-interface.subnet-id': 'NetworkInterfaces.SubnetId',
  'network-interface.vpc-id': 'NetworkInterfaces.VpcId',
  'block-device-mapping.volume-id': 'BlockDeviceMappings.Ebs.VolumeId',
  'block-device-mapping.device-name': 'BlockDeviceMappings.DeviceName',
  'launch-time': (item) => iso(at(item, 'LaunchTime')),
  tenancy: 'Placement.Tenancy',
  'virtualization-type': 'VirtualizationType',
  hypervisor: 'Hypervisor',
  'metadata-options.http-tokens': 'MetadataOptions.HttpTokens',
}

/** The DescribeInstanceStatus filters, read from the `InstanceStatus` shape. */
export const INSTANCE_STATUS_FILTERS: FilterTable = {
  'availability-zone': 'AvailabilityZone',
  'instance-state-name': 'InstanceState.Name',
  'instance-state-code': 'InstanceState.Code',
  'instance-status.status': 'InstanceStatus.Status',
  'instance-status.reachability': 'InstanceStatus.Details.Status',
  'system-status.status': 'SystemStatus.Status',
  'system-status.reachability': 'SystemStatus.Details.Status',
}

/** The DescribeVolumes filters, read from the `Volume` shape. */
export const VOLUME_FILTERS: FilterTable = {
  'volume-id': 'VolumeId',
  'volume-type': 'VolumeType',
  status: 'State',
  size: 'Size',
  'availability-zone': 'AvailabilityZone',
  encrypted: 'Encrypted',
  'snapshot-id': 'SnapshotId',
  'attachment.instance-id': 'Attachments.InstanceId',
  'attachment.device': 'Attachments.Device',
  'attachment.status': 'Attachments.State',
  'attachment.delete-on-termination': 'Attachments.DeleteOnTermination',
  'attachment.attach-time': (item) =>
    ((item.Attachments ?? []) as { AttachTime?: unknown }[]).flatMap((a) => iso(a.AttachTime)),
  'create-time': (item) => iso(item.CreateTime),
  'multi-attach-enabled': 'MultiAttachEnabled',
  throughput: 'Throughput',
}

/** The DescribeSnapshots filters, read from the `Snapshot` shape. */
export const SNAPSHOT_FILTERS: FilterTable = {
  'snapshot-id': 'SnapshotId',
  'volume-id': 'VolumeId',
  'volume-size': 'VolumeSize',
  status: 'State',
  progress: 'Progress',
  'owner-id': 'OwnerId',
  description: 'Description',
  encrypted: 'Encrypted',
  'start-time': (item) => iso(item.StartTime),
  'storage-tier': 'StorageTier',
}

/** The DescribeVolumesModifications filters, read from the `VolumeModification` shape. */
export const MODIFICATION_FILTERS: FilterTable = {
  'volume-id': 'VolumeId',
  'modification-state': 'ModificationState',
  'target-size': 'TargetSize',
  'target-iops': 'TargetIops',
  'target-volume-type': 'TargetVolumeType',
  'original-size': 'OriginalSize',
  'original-volume-type': 'OriginalVolumeType',
  'start-time': (item) => iso(item.StartTime),
}

/** The DescribeImages filters, read from the `Image` shape. */
export const IMAGE_FILTERS: FilterTable = {
  'image-id': 'ImageId',
  name: 'Name',
  architecture: 'Architecture',
  description: 'Description',
  'image-type': 'ImageType',
  'is-public': 'Public',
  'owner-id': 'OwnerId',
  'owner-alias': 'ImageOwnerAlias',
  state: 'State',
  'root-device-type': 'RootDeviceType',
  'root-device-name': 'RootDeviceName',
  'virtualization-type': 'VirtualizationType',
  hypervisor: 'Hypervisor',
  'platform-details': 'PlatformDetails',
  'creation-date': 'CreationDate',
  'block-device-mapping.snapshot-id': 'BlockDeviceMappings.Ebs.SnapshotId',
  'block-device-mapping.volume-size': 'BlockDeviceMappings.Ebs.VolumeSize',
  'block-device-mapping.volume-type': 'BlockDeviceMappings.Ebs.VolumeType',
  'block-device-mapping.device-name': 'BlockDeviceMappings.DeviceName',
  'ena-support': 'EnaSupport',
  'boot-mode': 'BootMode',
}
