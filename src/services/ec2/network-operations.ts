import type { Operation } from '../operation.js'
import { allocateAddress } from './operations/allocate-address.js'
import { assignPrivateIpAddresses } from './operations/assign-private-ip-addresses.js'
import { associateAddress } from './operations/associate-address.js'
import { associateRouteTable } from './operations/associate-route-table.js'
import { attachInternetGateway } from './operations/attach-internet-gateway.js'
import { authorizeSecurityGroupEgress } from './operations/authorize-security-group-egress.js'
import { authorizeSecurityGroupIngress } from './operations/authorize-security-group-ingress.js'
import { createInternetGateway } from './operations/create-internet-gateway.js'
import { createKeyPair } from './operations/create-key-pair.js'
import { createNatGateway } from './operations/create-nat-gateway.js'
import { createRoute } from './operations/create-route.js'
import { createRouteTable } from './operations/create-route-table.js'
import { createSecurityGroup } from './operations/create-security-group.js'
import { createSubnet } from './operations/create-subnet.js'
import { createTags } from './operations/create-tags.js'
import { createVpc } from './operations/create-vpc.js'
import { createVpcEndpoint } from './operations/create-vpc-endpoint.js'
import { createVpcEndpointServiceConfiguration } from './operations/create-vpc-endpoint-service-configuration.js'
import { deleteInternetGateway } from './operations/delete-internet-gateway.js'
import { deleteKeyPair } from './operations/delete-key-pair.js'
import { deleteNatGateway } from './operations/delete-nat-gateway.js'
import { deleteRoute } from './operations/delete-route.js'
import { deleteRouteTable } from './operations/delete-route-table.js'
import { deleteSecurityGroup } from './operations/delete-security-group.js'
import { deleteSubnet } from './operations/delete-subnet.js'
import { deleteTags } from './operations/delete-tags.js'
import { deleteVpc } from './operations/delete-vpc.js'
import { deleteVpcEndpointServiceConfigurations } from './operations/delete-vpc-endpoint-service-configurations.js'
import { deleteVpcEndpoints } from './operations/delete-vpc-endpoints.js'
import { describeAddresses } from './operations/describe-addresses.js'
import { describeAvailabilityZones } from './operations/describe-availability-zones.js'
import { describeInternetGateways } from './operations/describe-internet-gateways.js'
import { describeKeyPairs } from './operations/describe-key-pairs.js'
import { describeNatGateways } from './operations/describe-nat-gateways.js'
import { describeNetworkInterfaces } from './operations/describe-network-interfaces.js'
import { describeRegions } from './operations/describe-regions.js'
import { describeRouteTables } from './operations/describe-route-tables.js'
import { describeSecurityGroupRules } from './operations/describe-security-group-rules.js'
import { describeSecurityGroups } from './operations/describe-security-groups.js'
import { describeSubnets } from './operations/describe-subnets.js'
import { describeTags } from './operations/describe-tags.js'
import { describeVpcAttribute } from './operations/describe-vpc-attribute.js'
import { describeVpcEndpointServiceConfigurations } from './operations/describe-vpc-endpoint-service-configurations.js'
import { describeVpcEndpoints } from './operations/describe-vpc-endpoints.js'
import { describeVpcs } from './operations/describe-vpcs.js'
import { detachInternetGateway } from './operations/detach-internet-gateway.js'
import { disassociateAddress } from './operations/disassociate-address.js'
import { disassociateRouteTable } from './operations/disassociate-route-table.js'
import { importKeyPair } from './operations/import-key-pair.js'
import { modifySubnetAttribute } from './operations/modify-subnet-attribute.js'
import { modifyVpcAttribute } from './operations/modify-vpc-attribute.js'
import { modifyVpcEndpoint } from './operations/modify-vpc-endpoint.js'
import { modifyVpcEndpointServicePermissions } from './operations/modify-vpc-endpoint-service-permissions.js'
import { releaseAddress } from './operations/release-address.js'
import { replaceRoute } from './operations/replace-route.js'
import { revokeSecurityGroupEgress } from './operations/revoke-security-group-egress.js'
import { revokeSecurityGroupIngress } from './operations/revoke-security-group-ingress.js'
import { unassignPrivateIpAddresses } from './operations/unassign-private-ip-addresses.js'

/** The EC2 operations of the framework and networking side (regions, tags, VPC resources), by name. */
export const EC2_NETWORK_OPERATIONS: Readonly<Record<string, Operation>> = {
  AllocateAddress: allocateAddress,
  AssignPrivateIpAddresses: assignPrivateIpAddresses,
  AssociateAddress: associateAddress,
  AssociateRouteTable: associateRouteTable,
  AttachInternetGateway: attachInternetGateway,
  AuthorizeSecurityGroupEgress: authorizeSecurityGroupEgress,
  AuthorizeSecurityGroupIngress: authorizeSecurityGroupIngress,
  CreateInternetGateway: createInternetGateway,
  CreateKeyPair: createKeyPair,
  CreateNatGateway: createNatGateway,
  CreateRoute: createRoute,
  CreateRouteTable: createRouteTable,
  CreateSecurityGroup: createSecurityGroup,
  CreateSubnet: createSubnet,
  CreateTags: createTags,
  CreateVpc: createVpc,
  CreateVpcEndpoint: createVpcEndpoint,
  CreateVpcEndpointServiceConfiguration: createVpcEndpointServiceConfiguration,
  DeleteInternetGateway: deleteInternetGateway,
  DeleteKeyPair: deleteKeyPair,
  DeleteNatGateway: deleteNatGateway,
  DeleteRoute: deleteRoute,
  DeleteRouteTable: deleteRouteTable,
  DeleteSecurityGroup: deleteSecurityGroup,
  DeleteSubnet: deleteSubnet,
  DeleteTags: deleteTags,
  DeleteVpc: deleteVpc,
  DeleteVpcEndpointServiceConfigurations: deleteVpcEndpointServiceConfigurations,
  DeleteVpcEndpoints: deleteVpcEndpoints,
  DescribeAddresses: describeAddresses,
  DescribeAvailabilityZones: describeAvailabilityZones,
  DescribeInternetGateways: describeInternetGateways,
  DescribeKeyPairs: describeKeyPairs,
  DescribeNatGateways: describeNatGateways,
  DescribeNetworkInterfaces: describeNetworkInterfaces,
  DescribeRegions: describeRegions,
  DescribeRouteTables: describeRouteTables,
  DescribeSecurityGroupRules: describeSecurityGroupRules,
  DescribeSecurityGroups: describeSecurityGroups,
  DescribeSubnets: describeSubnets,
  DescribeTags: describeTags,
  DescribeVpcAttribute: describeVpcAttribute,
  DescribeVpcEndpointServiceConfigurations: describeVpcEndpointServiceConfigurations,
  DescribeVpcEndpoints: describeVpcEndpoints,
  DescribeVpcs: describeVpcs,
  DetachInternetGateway: detachInternetGateway,
  DisassociateAddress: disassociateAddress,
  DisassociateRouteTable: disassociateRouteTable,
  ImportKeyPair: importKeyPair,
  ModifySubnetAttribute: modifySubnetAttribute,
  ModifyVpcAttribute: modifyVpcAttribute,
  ModifyVpcEndpoint: modifyVpcEndpoint,
  ModifyVpcEndpointServicePermissions: modifyVpcEndpointServicePermissions,
  ReleaseAddress: releaseAddress,
  ReplaceRoute: replaceRoute,
  RevokeSecurityGroupEgress: revokeSecurityGroupEgress,
  RevokeSecurityGroupIngress: revokeSecurityGroupIngress,
  UnassignPrivateIpAddresses: unassignPrivateIpAddresses,
}
