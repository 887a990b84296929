/** What EC2 knows about one kind of resource: its id prefix, ARN form and the errors for a bad id. */
export interface Ec2ResourceType {
  /** The store type, the ARN resource type and the DescribeTags `resource-type`, e.g. `vpc`, `security-group`. */
  readonly type: string
  /** The id prefix before the dash: `vpc` for `vpc-0a1b…`. */
  readonly prefix: string
  /** The TagSpecification `ResourceType` value; `type` unless it differs. */
  readonly tagType?: string
  /** Snapshots and images: the ARN carries no account. */
  readonly arnWithoutAccount?: boolean
  /** The error code for an id that does not exist. */
  readonly notFound: string
  /** AWS's message for ids that do not exist (one or several). */
  readonly notFoundMessage: (ids: readonly string[]) => string
  /** The error code for an id of the wrong form. */
  readonly malformed: string
}

const quoted = (ids: readonly string[]) => `'${ids.join(', ')}'`

/** AWS: `The vpc ID 'vpc-1' does not exist`; several ids: `The vpc IDs 'vpc-1, vpc-2' do not exist`. */
const idNoun =
  (noun: string) =>
  (ids: readonly string[]): string =>
    ids.length === 1
      ? `The ${noun} ID ${quoted(ids)} does not exist`
      : `The ${noun} IDs ${quoted(ids)} do not exist`

/** AWS: `The security group 'sg-1' does not exist`, `The volume 'vol-1' does not exist.`. */
const named =
  (noun: string, stop = '') =>
  (ids: readonly string[]): string =>
    `The ${noun} ${quoted(ids)} does not exist${stop}`

/** Every EC2 resource type Lanyard stores, by type. */
export const EC2_RESOURCE_TYPES: readonly Ec2ResourceType[] = [
  {
    type: 'vpc',
    prefix: 'vpc',
    notFound: 'InvalidVpcID.NotFound',
    notFoundMessage: idNoun('vpc'),
    malformed: 'InvalidVpcID.Malformed',
  },
  {
    type: 'subnet',
    prefix: 'subnet',
    notFound: 'InvalidSubnetID.NotFound',
    notFoundMessage: idNoun('subnet'),
    malformed: 'InvalidSubnetID.Malformed',
  },
  {
    type: 'security-group',
    prefix: 'sg',
    notFound: 'InvalidGroup.NotFound',
    notFoundMessage: named('security group'),
    malformed: 'InvalidGroupId.Malformed',
  },
  {
    type: 'security-group-rule',
    prefix: 'sgr',
    notFound: 'InvalidSecurityGroupRuleId.NotFound',
    notFoundMessage: named('security group rule'),
    malformed: 'InvalidSecurityGroupRuleId.Malformed',
  },
  {
    type: 'internet-gateway',
    prefix: 'igw',
    notFound: 'InvalidInternetGatewayID.NotFound',
    notFoundMessage: idNoun('internetGateway'),
    malformed: 'InvalidInternetGatewayID.Malformed',
  },
  {
    type: 'route-table',
    prefix: 'rtb',
    notFound: 'InvalidRouteTableID.NotFound',
    notFoundMessage: idNoun('routeTable'),
    malformed: 'InvalidRouteTableId.Malformed',
  },
  {
    type: 'natgateway',
    prefix: 'nat',
    notFound: 'NatGatewayNotFound',
    notFoundMessage: (ids) => `The Nat Gateway ${ids.join(', ')} was not found`,
    malformed: 'NatGatewayMalformed',
  },
  {
    type: 'elastic-ip',
    prefix: 'eipalloc',
    notFound: 'InvalidAllocationID.NotFound',
    notFoundMessage: idNoun('allocation'),
    malformed: 'InvalidAllocationID.Malformed',
  },
  {
    type: 'vpc-endpoint',
    prefix: 'vpce',
    notFound: 'InvalidVpcEndpointId.NotFound',
    notFoundMessage: (ids) => `The Vpc Endpoint Id ${quoted(ids)} does not exist`,
    malformed: 'InvalidVpcEndpointId.Malformed',
  },
  {
    type: 'vpc-endpoint-service',
    prefix: 'vpce-svc',
    notFound: 'InvalidVpcEndpointServiceId.NotFound',
    notFoundMessage: (ids) => `The VpcEndpointService Id ${quoted(ids)} does not exist`,
    malformed: 'InvalidVpcEndpointServiceId.Malformed',
  },
  {
    type: 'key-pair',
    prefix: 'key',
    notFound: 'InvalidKeyPair.NotFound',
    notFoundMessage: (ids) => `The key pair ${quoted(ids)} does not exist`,
    malformed: 'InvalidKeyPair.Malformed',
  },
  {
    type: 'instance',
    prefix: 'i',
    notFound: 'InvalidInstanceID.NotFound',
    notFoundMessage: idNoun('instance'),
    malformed: 'InvalidInstanceID.Malformed',
  },
  {
    type: 'volume',
    prefix: 'vol',
    notFound: 'InvalidVolume.NotFound',
    notFoundMessage: named('volume', '.'),
    malformed: 'InvalidVolumeID.Malformed',
  },
  {
    type: 'snapshot',
    prefix: 'snap',
    arnWithoutAccount: true,
    notFound: 'InvalidSnapshot.NotFound',
    notFoundMessage: named('snapshot', '.'),
    malformed: 'InvalidSnapshotID.Malformed',
  },
  {
    type: 'image',
    prefix: 'ami',
    arnWithoutAccount: true,
    notFound: 'InvalidAMIID.NotFound',
    notFoundMessage: (ids) => `The image id '[${ids.join(', ')}]' does not exist`,
    malformed: 'InvalidAMIID.Malformed',
  },
  {
    type: 'network-interface',
    prefix: 'eni',
    notFound: 'InvalidNetworkInterfaceID.NotFound',
    notFoundMessage: idNoun('networkInterface'),
    malformed: 'InvalidNetworkInterfaceID.Malformed',
  },
]

const BY_TYPE = new Map(EC2_RESOURCE_TYPES.map((t) => [t.type, t]))
const BY_PREFIX = new Map(EC2_RESOURCE_TYPES.map((t) => [t.prefix, t]))

/** The resource type named `type`; throws on a name the table lacks (a programming error). */
export function resourceType(type: string): Ec2ResourceType {
  const found = BY_TYPE.get(type)
  if (found === undefined) throw new Error(`unknown EC2 resource type ${type}`)
  return found
}

/** The resource type an id's prefix names (`vpc-…` → vpc), or undefined. */
export function resourceTypeOfId(id: string): Ec2ResourceType | undefined {
  const parts = id.split('-')
  // Two-part prefixes (`vpce-svc-…`) win over one-part ones (`vpce-…`).
  return (parts.length > 2 ? BY_PREFIX.get(`${parts[0]}-${parts[1]}`) : undefined) ?? BY_PREFIX.get(parts[0]!)
}
