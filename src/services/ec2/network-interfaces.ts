import { currentState } from './compute/instance-state.js'
import type { InstanceAttributes } from './compute/records.js'
import type { NatGatewayAttributes } from './nat-gateways.js'
import { natState } from './nat-gateways.js'
import { type Ec2Context, type Ec2Record, listResources } from './resource-store.js'

/** Secondary private addresses of an instance's interface (AssignPrivateIpAddresses), kept on the instance. */
export type InstanceWithSecondaries = InstanceAttributes & {
  readonly secondaryPrivateIpAddresses?: readonly string[]
}

/** A network interface Lanyard derives from what owns it: an instance or a NAT gateway. */
export interface DerivedInterface {
  readonly id: string
  readonly subnetId: string
  readonly owner: Ec2Record
  readonly kind: 'instance' | 'natgateway'
  /** Every private address, the primary first. */
  readonly addresses: readonly string[]
  readonly wire: Record<string, unknown>
}

/** `ip-10-0-1-5.ec2.internal` (us-east-1) or `ip-10-0-1-5.<region>.compute.internal`. */
function dnsName(region: string, ip: string): string {
  const host = `ip-${ip.replaceAll('.', '-')}`
  return region === 'us-east-1' ? `${host}.ec2.internal` : `${host}.${region}.compute.internal`
}

/** The interfaces of the account in the region: one per live instance and per NAT gateway not yet deleted. */
export async function networkInterfaces(ctx: Ec2Context): Promise<DerivedInterface[]> {
  const out: DerivedInterface[] = []
  for (const record of await listResources<InstanceWithSecondaries>(ctx, 'instance')) {
    const a = record.attributes
    const state = currentState(a.state, ctx.now.getTime()).name
    if (state === 'terminated') continue
    const addresses = [a.privateIpAddress, ...(a.secondaryPrivateIpAddresses ?? [])]
    out.push({
      id: a.networkInterfaceId,
      subnetId: a.subnetId,
      owner: record as unknown as Ec2Record,
      kind: 'instance',
      addresses,
      wire: {
        NetworkInterfaceId: a.networkInterfaceId,
        SubnetId: a.subnetId,
        VpcId: a.vpcId,
        AvailabilityZone: a.availabilityZone,
        Description: '',
        Groups: a.securityGroups.map((g) => ({ GroupId: g.groupId, GroupName: g.groupName })),
        InterfaceType: 'interface',
        MacAddress: a.macAddress,
        OwnerId: record.accountId,
        PrivateIpAddress: a.privateIpAddress,
        PrivateDnsName: dnsName(ctx.region, a.privateIpAddress),
        PrivateIpAddresses: addresses.map((ip, i) => ({
          Primary: i === 0,
          PrivateIpAddress: ip,
          PrivateDnsName: dnsName(ctx.region, ip),
        })),
        RequesterManaged: false,
        SourceDestCheck: a.sourceDestCheck,
        Status: 'in-use',
        Attachment: {
          AttachmentId: `eni-attach-${a.networkInterfaceId.slice(4)}`,
          DeviceIndex: 0,
          NetworkCardIndex: 0,
          InstanceId: record.id,
          InstanceOwnerId: record.accountId,
          Status: 'attached',
          DeleteOnTermination: true,
          AttachTime: new Date(a.launchTime),
        },
        TagSet: [],
      },
    })
  }
  for (const record of await listResources<NatGatewayAttributes>(ctx, 'natgateway')) {
    const a = record.attributes
    if (natState(a, ctx.now) === 'deleted') continue
    for (const address of a.NatGatewayAddresses) {
      out.push({
        id: address.NetworkInterfaceId,
        subnetId: a.SubnetId,
        owner: record as unknown as Ec2Record,
        kind: 'natgateway',
        addresses: [address.PrivateIp],
        wire: {
          NetworkInterfaceId: address.NetworkInterfaceId,
          SubnetId: a.SubnetId,
          VpcId: a.VpcId,
          Description: `Interface for NAT Gateway ${a.NatGatewayId}`,
          Groups: [],
          InterfaceType: 'nat_gateway',
          OwnerId: record.accountId,
          PrivateIpAddress: address.PrivateIp,
          PrivateDnsName: dnsName(ctx.region, address.PrivateIp),
          PrivateIpAddresses: [
            {
              Primary: true,
              PrivateIpAddress: address.PrivateIp,
              PrivateDnsName: dnsName(ctx.region, address.PrivateIp),
            },
          ],
          RequesterId: 'AWS',
          RequesterManaged: true,
          SourceDestCheck: false,
          Status: 'in-use',
          TagSet: [],
        },
      })
    }
  }
  return out.sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0))
}
