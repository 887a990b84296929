import type { ContextValue } from '../../policy/index.js'

/** The `ec2:` key that carries a resource's own id, by resource type (Service Authorization Reference). */
const ID_KEYS: Readonly<Record<string, string>> = {
  vpc: 'ec2:VpcID',
  subnet: 'ec2:SubnetID',
  'security-group': 'ec2:SecurityGroupID',
  'internet-gateway': 'ec2:InternetGatewayID',
  'route-table': 'ec2:RouteTableID',
  'elastic-ip': 'ec2:AllocationId',
  instance: 'ec2:InstanceID',
  volume: 'ec2:VolumeID',
  snapshot: 'ec2:SnapshotID',
  image: 'ec2:ImageID',
  'key-pair': 'ec2:KeyPairName',
  'network-interface': 'ec2:NetworkInterfaceID',
}

/** Resource types whose authorization carries `ec2:Vpc`, the ARN of the VPC they belong to. */
const IN_VPC = new Set(['subnet', 'security-group', 'route-table', 'natgateway', 'network-interface'])

/** Attribute-derived keys, by resource type: the attribute that holds each key's value. */
const ATTRIBUTE_KEYS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  subnet: { 'ec2:AvailabilityZone': 'AvailabilityZone', 'ec2:AvailabilityZoneId': 'AvailabilityZoneId' },
  'elastic-ip': { 'ec2:Domain': 'Domain', 'ec2:PublicIpAddress': 'PublicIp' },
  'key-pair': { 'ec2:KeyPairType': 'KeyType' },
  vpc: { 'ec2:Tenancy': 'InstanceTenancy' },
  'vpc-endpoint': { 'ec2:VpceServiceName': 'ServiceName' },
}

/**
 * The resource-specific condition keys of an existing resource: its id key (`ec2:VpcID`, `ec2:SubnetID`, …),
 * `ec2:Vpc` for resources inside a VPC, and the keys read from its attributes.
 */
export function resourceContext(
  type: string,
  arnId: string,
  arn: string,
  attributes: Readonly<Record<string, unknown>> | undefined,
): Record<string, ContextValue> {
  const context: Record<string, ContextValue> = {}
  const idKey = ID_KEYS[type]
  if (idKey !== undefined && arnId !== '*') context[idKey] = arnId
  if (attributes === undefined) return context
  const vpc = attributes.VpcId
  if (IN_VPC.has(type) && typeof vpc === 'string') context['ec2:Vpc'] = arn.replace(/:[^:]*$/, `:vpc/${vpc}`)
  for (const [key, attribute] of Object.entries(ATTRIBUTE_KEYS[type] ?? {})) {
    const value = attributes[attribute]
    if (typeof value === 'string') context[key] = value
  }
  return context
}
