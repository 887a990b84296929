import type { Operation } from '../operation.js'
import { allocateAddress } from './operations/allocate-address.js'
import { associateAddress } from './operations/associate-address.js'
import { associateRouteTable } from './operations/associate-route-table.js'
import { attachInternetGateway } from './operations/attach-internet-gateway.js'
import { createInternetGateway } from './operations/create-internet-gateway.js'
import { createNatGateway } from './operations/create-nat-gateway.js'
import { createRoute } from './operations/create-route.js'
import { createRouteTable } from './operations/create-route-table.js'
import { createSubnet } from './operations/create-subnet.js'
import { createTags } from './operations/create-tags.js'
import { createVpc } from './operations/create-vpc.js'
import { createVpcEndpoint } from './operations/create-vpc-endpoint.js'
import { deleteInternetGateway } from './operations/delete-internet-gateway.js'
import { deleteNatGateway } from './operations/delete-nat-gateway.js'
import { deleteRoute } from './operations/delete-route.js'
import { deleteRouteTable } from './operations/delete-route-table.js'
import { deleteSubnet } from './operations/delete-subnet.js'
import { deleteTags } from './operations/delete-tags.js'
import { deleteVpc } from './operations/delete-vpc.js'
import { deleteVpcEndpoints } from './operations/delete-vpc-endpoints.js'
import { describeAddresses } from './operations/describe-addresses.js'
import { describeAvailabilityZones } from './operations/describe-availability-zones.js'
import { describeInternetGateways } from './operations/describe-internet-gateways.js'
import { describeNatGateways } from './operations/describe-nat-gateways.js'
import { describeRegions } from './operations/describe-regions.js'
import { describeRouteTables } from './operations/describe-route-tables.js'
import { describeSubnets } from './operations/describe-subnets.js'
import { describeTags } from './operations/describe-tags.js'
import { describeVpcAttribute } from './operations/describe-vpc-attribute.js'
import { describeVpcEndpoints } from './operations/describe-vpc-endpoints.js'
import { describeVpcs } from './operations/describe-vpcs.js'
import { detachInternetGateway } from './operations/detach-internet-gateway.js'
import { disassociateAddress } from './operations/disassociate-address.js'
import { disassociateRouteTable } from './operations/disassociate-route-table.js'
import { modifySubnetAttribute } from './operations/modify-subnet-attribute.js'
import { modifyVpcAttribute } from './operations/modify-vpc-attribute.js'
import { releaseAddress } from './operations/release-address.js'
import { replaceRoute } from './operations/replace-route.js'

/** The EC2 operations of the framework and networking side (regions, tags, VPC resources), by name. */
export const EC2_NETWORK_OPERATIONS: Readonly<Record<string, Operation>> = {
  AllocateAddress: allocateAddress,
  AssociateAddress: associateAddress,
  AssociateRouteTable: associateRouteTable,
  AttachInternetGateway: attachInternetGateway,
  CreateInternetGateway: createInternetGateway,
  CreateNatGateway: createNatGateway,
  CreateRoute: createRoute,
  CreateRouteTable: createRouteTable,
  CreateSubnet: createSubnet,
  CreateTags: createTags,
  CreateVpc: createVpc,
  CreateVpcEndpoint: createVpcEndpoint,
  DeleteInternetGateway: deleteInternetGateway,
  DeleteNatGateway: deleteNatGateway,
  DeleteRoute: deleteRoute,
  DeleteRouteTable: deleteRouteTable,
  DeleteSubnet: deleteSubnet,
  DeleteTags: deleteTags,
  DeleteVpc: deleteVpc,
  DeleteVpcEndpoints: deleteVpcEndpoints,
  DescribeAddresses: describeAddresses,
  DescribeAvailabilityZones: describeAvailabilityZones,
  DescribeInternetGateways: describeInternetGateways,
  DescribeNatGateways: describeNatGateways,
  DescribeRegions: describeRegions,
  DescribeRouteTables: describeRouteTables,
  DescribeSubnets: describeSubnets,
  DescribeTags: describeTags,
  DescribeVpcAttribute: describeVpcAttribute,
  DescribeVpcEndpoints: describeVpcEndpoints,
  DescribeVpcs: describeVpcs,
  DetachInternetGateway: detachInternetGateway,
  DisassociateAddress: disassociateAddress,
  DisassociateRouteTable: disassociateRouteTable,
  ModifySubnetAttribute: modifySubnetAttribute,
  ModifyVpcAttribute: modifyVpcAttribute,
  ReleaseAddress: releaseAddress,
  ReplaceRoute: replaceRoute,
}
