import type { Ec2Record } from '../resource-store.js'
import { toWireTags } from '../tags.js'
import { currentState, type StoredState, stateShape } from './instance-state.js'
import { INSTANCE_TYPES } from './instance-types.js'
import type { InstanceAttributes } from './records.js'

/** A stored instance. */
export type InstanceRecord = Ec2Record<InstanceAttributes>

/** AWS: `ip-10-0-1-5.ec2.internal` in us-east-1, `ip-10-0-1-5.<region>.compute.internal` elsewhere. */
export function privateDnsName(region: string, ip: string): string {
  const host = `ip-${ip.replaceAll('.', '-')}`
  return region === 'us-east-1' ? `${host}.ec2.internal` : `${host}.${region}.compute.internal`
}

/** The state of a stored instance at `now`. */
export function stateAt(record: InstanceRecord, now: Date): StoredState {
  return currentState(record.attributes.state, now.getTime())
}

/** AWS: the reason text of a user-requested stop or termination, `User initiated (2026-11-28 10:00:00 GMT)`. */
export function userInitiated(at: Date): string {
  return `User initiated (${at.toISOString().slice(0, 19).replace('T', ' ')} GMT)`
}

/** The `Instance` shape of DescribeInstances and RunInstances at `now`. */
export function toInstanceShape(record: InstanceRecord, region: string, now: Date): Record<string, unknown> {
  const a = record.attributes
  const state = stateAt(record, now)
  const gone = state.name === 'terminated'
  const dns = privateDnsName(region, a.privateIpAddress)
  const type = INSTANCE_TYPES.get(a.instanceType)
  const groups = gone ? [] : a.securityGroups.map((g) => ({ GroupName: g.groupName, GroupId: g.groupId }))
  const shutdown =
    state.name === 'stopped' || state.name === 'stopping' || gone || state.name === 'shutting-down'
  return {
    AmiLaunchIndex: a.amiLaunchIndex,
    ImageId: a.imageId,
    InstanceId: record.id,
    InstanceType: a.instanceType,
    ...(a.keyName !== undefined ? { KeyName: a.keyName } : {}),
    LaunchTime: new Date(a.launchTime),
    Monitoring: { State: 'disabled' },
    Placement: { AvailabilityZone: a.availabilityZone, GroupName: '', Tenancy: 'default' },
    PrivateDnsName: gone ? '' : dns,
    ...(gone ? {} : { PrivateIpAddress: a.privateIpAddress }),
    ProductCodes: [],
    PublicDnsName: '',
    State: stateShape(state.name),
    StateTransitionReason: a.stateTransitionReason,
    ...(gone ? {} : { SubnetId: a.subnetId, VpcId: a.vpcId }),
    Architecture: a.architecture,
    BlockDeviceMappings: gone
      ? []
      : a.blockDevices.map((d) => ({
          DeviceName: d.deviceName,
          Ebs: {
            AttachTime: new Date(d.attachTime),
            DeleteOnTermination: d.deleteOnTermination,
            Status: 'attached',
            VolumeId: d.volumeId,
          },
        })),
    ...(a.clientToken !== undefined ? { ClientToken: a.clientToken } : {}),
    EbsOptimized: a.ebsOptimized,
    EnaSupport: true,
    Hypervisor: 'xen',
    ...(a.iamInstanceProfile !== undefined
      ? { IamInstanceProfile: { Arn: a.iamInstanceProfile.arn, Id: a.iamInstanceProfile.id } }
      : {}),
    NetworkInterfaces: gone ? [] : [networkInterface(record, dns, groups)],
    RootDeviceName: a.rootDeviceName,
    RootDeviceType: 'ebs',
    SecurityGroups: groups,
    SourceDestCheck: a.sourceDestCheck,
    ...(shutdown
      ? {
          StateReason: {
            Code: 'Client.UserInitiatedShutdown',
            Message: 'Client.UserInitiatedShutdown: User initiated shutdown',
          },
        }
      : state.name === 'pending'
        ? { StateReason: { Code: 'pending', Message: 'pending' } }
        : {}),
    Tags: toWireTags(record.tags),
    VirtualizationType: 'hvm',
    CpuOptions: {
      CoreCount: Math.max(1, (type?.vcpus ?? 2) / 2),
      ThreadsPerCore: (type?.vcpus ?? 2) > 1 ? 2 : 1,
    },
    CapacityReservationSpecification: { CapacityReservationPreference: 'open' },
    HibernationOptions: { Configured: false },
    MetadataOptions: {
      State: 'applied',
      HttpTokens: 'required',
      HttpPutResponseHopLimit: 2,
      HttpEndpoint: 'enabled',
      HttpProtocolIpv6: 'disabled',
      InstanceMetadataTags: 'disabled',
    },
    EnclaveOptions: { Enabled: false },
    PlatformDetails: 'Linux/UNIX',
    UsageOperation: 'RunInstances',
    UsageOperationUpdateTime: new Date(record.createdAt),
    PrivateDnsNameOptions: {
      HostnameType: 'ip-name',
      EnableResourceNameDnsARecord: false,
      EnableResourceNameDnsAAAARecord: false,
    },
    MaintenanceOptions: { AutoRecovery: 'default' },
  }
}

function networkInterface(
  record: InstanceRecord,
  dns: string,
  groups: readonly Record<string, unknown>[],
): Record<string, unknown> {
  const a = record.attributes
  return {
    Attachment: {
      AttachTime: new Date(record.createdAt),
      AttachmentId: `eni-attach-${a.networkInterfaceId.slice(4)}`,
      DeleteOnTermination: true,
      DeviceIndex: 0,
      Status: 'attached',
      NetworkCardIndex: 0,
    },
    Description: '',
    Groups: groups,
    Ipv6Addresses: [],
    MacAddress: a.macAddress,
    NetworkInterfaceId: a.networkInterfaceId,
    OwnerId: record.accountId,
    PrivateDnsName: dns,
    PrivateIpAddress: a.privateIpAddress,
    PrivateIpAddresses: [{ Primary: true, PrivateDnsName: dns, PrivateIpAddress: a.privateIpAddress }],
    SourceDestCheck: a.sourceDestCheck,
    Status: 'in-use',
    SubnetId: a.subnetId,
    VpcId: a.vpcId,
    InterfaceType: 'interface',
  }
}

/** The `InstanceStateChange` of Start/Stop/TerminateInstances. */
export function stateChange(
  id: string,
  previous: StoredState,
  current: StoredState,
): Record<string, unknown> {
  return { InstanceId: id, PreviousState: stateShape(previous.name), CurrentState: stateShape(current.name) }
}
