import type { FilterTable } from './filters.js'

/** DescribeVpcs filters over the VPC wire shape. */
export const VPC_FILTERS: FilterTable = {
  'vpc-id': 'VpcId',
  cidr: 'CidrBlock',
  'cidr-block-association.cidr-block': 'CidrBlockAssociationSet.CidrBlock',
  'cidr-block-association.association-id': 'CidrBlockAssociationSet.AssociationId',
  'cidr-block-association.state': 'CidrBlockAssociationSet.CidrBlockState.State',
  'dhcp-options-id': 'DhcpOptionsId',
  'is-default': 'IsDefault',
  'owner-id': 'OwnerId',
  state: 'State',
}

/** DescribeSubnets filters. */
export const SUBNET_FILTERS: FilterTable = {
  'subnet-id': 'SubnetId',
  'vpc-id': 'VpcId',
  'cidr-block': 'CidrBlock',
  cidr: 'CidrBlock',
  cidrBlock: 'CidrBlock',
  'availability-zone': 'AvailabilityZone',
  availabilityZone: 'AvailabilityZone',
  'availability-zone-id': 'AvailabilityZoneId',
  'available-ip-address-count': 'AvailableIpAddressCount',
  'default-for-az': 'DefaultForAz',
  defaultForAz: 'DefaultForAz',
  'map-public-ip-on-launch': 'MapPublicIpOnLaunch',
  'owner-id': 'OwnerId',
  state: 'State',
  'subnet-arn': 'SubnetArn',
}

/** DescribeInternetGateways filters. */
export const INTERNET_GATEWAY_FILTERS: FilterTable = {
  'internet-gateway-id': 'InternetGatewayId',
  'attachment.vpc-id': 'Attachments.VpcId',
  'attachment.state': 'Attachments.State',
  'owner-id': 'OwnerId',
}

/** DescribeRouteTables filters. */
export const ROUTE_TABLE_FILTERS: FilterTable = {
  'route-table-id': 'RouteTableId',
  'vpc-id': 'VpcId',
  'owner-id': 'OwnerId',
  'association.route-table-association-id': 'Associations.RouteTableAssociationId',
  'association.route-table-id': 'Associations.RouteTableId',
  'association.subnet-id': 'Associations.SubnetId',
  'association.gateway-id': 'Associations.GatewayId',
  'association.main': 'Associations.Main',
  'route.destination-cidr-block': 'Routes.DestinationCidrBlock',
  'route.gateway-id': 'Routes.GatewayId',
  'route.nat-gateway-id': 'Routes.NatGatewayId',
  'route.instance-id': 'Routes.InstanceId',
  'route.vpc-peering-connection-id': 'Routes.VpcPeeringConnectionId',
  'route.origin': 'Routes.Origin',
  'route.state': 'Routes.State',
}

/** DescribeNatGateways filters. */
export const NAT_GATEWAY_FILTERS: FilterTable = {
  'nat-gateway-id': 'NatGatewayId',
  state: 'State',
  'subnet-id': 'SubnetId',
  'vpc-id': 'VpcId',
}

/** DescribeAddresses filters. */
export const ADDRESS_FILTERS: FilterTable = {
  'allocation-id': 'AllocationId',
  'association-id': 'AssociationId',
  domain: 'Domain',
  'instance-id': 'InstanceId',
  'network-border-group': 'NetworkBorderGroup',
  'network-interface-id': 'NetworkInterfaceId',
  'network-interface-owner-id': 'NetworkInterfaceOwnerId',
  'private-ip-address': 'PrivateIpAddress',
  'public-ip': 'PublicIp',
}

/** DescribeVpcEndpoints filters. */
export const VPC_ENDPOINT_FILTERS: FilterTable = {
  'vpc-endpoint-id': 'VpcEndpointId',
  'vpc-id': 'VpcId',
  'service-name': 'ServiceName',
  'vpc-endpoint-state': 'State',
  'vpc-endpoint-type': 'VpcEndpointType',
}

/** DescribeSecurityGroups filters. */
export const SECURITY_GROUP_FILTERS: FilterTable = {
  'group-id': 'GroupId',
  'group-name': 'GroupName',
  description: 'Description',
  'vpc-id': 'VpcId',
  'owner-id': 'OwnerId',
  'ip-permission.protocol': 'IpPermissions.IpProtocol',
  'ip-permission.from-port': 'IpPermissions.FromPort',
  'ip-permission.to-port': 'IpPermissions.ToPort',
  'ip-permission.cidr': 'IpPermissions.IpRanges.CidrIp',
  'ip-permission.ipv6-cidr': 'IpPermissions.Ipv6Ranges.CidrIpv6',
  'ip-permission.prefix-list-id': 'IpPermissions.PrefixListIds.PrefixListId',
  'ip-permission.group-id': 'IpPermissions.UserIdGroupPairs.GroupId',
  'ip-permission.user-id': 'IpPermissions.UserIdGroupPairs.UserId',
  'egress.ip-permission.protocol': 'IpPermissionsEgress.IpProtocol',
  'egress.ip-permission.from-port': 'IpPermissionsEgress.FromPort',
  'egress.ip-permission.to-port': 'IpPermissionsEgress.ToPort',
  'egress.ip-permission.cidr': 'IpPermissionsEgress.IpRanges.CidrIp',
  'egress.ip-permission.ipv6-cidr': 'IpPermissionsEgress.Ipv6Ranges.CidrIpv6',
  'egress.ip-permission.prefix-list-id': 'IpPermissionsEgress.PrefixListIds.PrefixListId',
  'egress.ip-permission.group-id': 'IpPermissionsEgress.UserIdGroupPairs.GroupId',
  'egress.ip-permission.user-id': 'IpPermissionsEgress.UserIdGroupPairs.UserId',
}

/** DescribeSecurityGroupRules filters. */
export const SECURITY_GROUP_RULE_FILTERS: FilterTable = {
  'group-id': 'GroupId',
  'security-group-rule-id': 'SecurityGroupRuleId',
}

/** DescribeKeyPairs filters. */
export const KEY_PAIR_FILTERS: FilterTable = {
  'key-pair-id': 'KeyPairId',
  'key-name': 'KeyName',
  fingerprint: 'KeyFingerprint',
  'key-type': 'KeyType',
}
