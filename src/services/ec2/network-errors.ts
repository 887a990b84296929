import { AwsError } from '../../kernel/aws-error.js'

/** AWS: a CIDR block EC2 cannot parse. */
export const invalidCidr = (cidr: string, parameter = 'cidrBlock'): AwsError =>
  new AwsError(
    'InvalidParameterValue',
    400,
    `Value (${cidr}) for parameter ${parameter} is invalid. This is not a valid CIDR block.`,
  )

/** AWS: a VPC block outside /16–/28. */
export const invalidVpcRange = (cidr: string): AwsError =>
  new AwsError('InvalidVpc.Range', 400, `The CIDR '${cidr}' is invalid.`)

/** AWS: a subnet block outside its VPC's block or outside /16–/28. */
export const invalidSubnetRange = (cidr: string): AwsError =>
  new AwsError('InvalidSubnet.Range', 400, `The CIDR '${cidr}' is invalid.`)

/** AWS: a subnet block that overlaps another subnet of the VPC. */
export const subnetConflict = (cidr: string): AwsError =>
  new AwsError('InvalidSubnet.Conflict', 400, `The CIDR '${cidr}' conflicts with another subnet`)

/** AWS: the account has its five VPCs in the region. */
export const vpcLimitExceeded = (): AwsError =>
  new AwsError('VpcLimitExceeded', 400, 'The maximum number of VPCs has been reached.')

/** AWS: the account has its five Elastic IP addresses in the region. */
export const addressLimitExceeded = (): AwsError =>
  new AwsError('AddressLimitExceeded', 400, 'The maximum number of addresses has been reached.')
