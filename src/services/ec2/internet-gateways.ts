import { AwsError } from '../../kernel/aws-error.js'

/** The attributes of a stored internet gateway: its wire shape. */
export interface InternetGatewayAttributes {
  readonly InternetGatewayId: string
  readonly OwnerId: string
  readonly Attachments: readonly { readonly VpcId: string; readonly State: 'available' }[]
}

/** AWS: attaching a gateway that is attached already. */
export const gatewayAlreadyAttached = (igw: string, vpc: string): AwsError =>
  new AwsError('Resource.AlreadyAssociated', 400, `resource ${igw} is already attached to network ${vpc}`)

/** AWS: a VPC takes one internet gateway. */
export const vpcHasGateway = (vpc: string): AwsError =>
  new AwsError('Resource.AlreadyAssociated', 400, `Network ${vpc} already has an internet gateway attached`)

/** AWS: detaching a gateway from a VPC it is not attached to. */
export const gatewayNotAttached = (igw: string, vpc: string): AwsError =>
  new AwsError('Gateway.NotAttached', 400, `resource ${igw} is not attached to network ${vpc}`)
