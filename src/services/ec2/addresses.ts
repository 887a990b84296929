import { AwsError } from '../../kernel/aws-error.js'
import type { RandomBytes } from '../../kernel/ids.js'

/** The attributes of a stored Elastic IP address: its wire shape. */
export interface AddressAttributes {
  readonly AllocationId: string
  readonly PublicIp: string
  readonly Domain: 'vpc'
  readonly PublicIpv4Pool: 'amazon'
  readonly NetworkBorderGroup: string
  readonly AssociationId?: string
  readonly InstanceId?: string
  readonly NetworkInterfaceId?: string
  readonly NetworkInterfaceOwnerId?: string
  readonly PrivateIpAddress?: string
  /** The NAT gateway using the address, if one does. */
  readonly NatGatewayId?: string
}

/** First octets of the public ranges Lanyard draws Elastic IPs from (AWS-owned blocks). */
const FIRST_OCTETS = [3, 18, 34, 35, 44, 52, 54] as const

/** A random public IPv4 address. */
export function newPublicIp(random: RandomBytes): string {
  const bytes = random(4)
  return `${FIRST_OCTETS[bytes[0]! % FIRST_OCTETS.length]}.${bytes[1]}.${bytes[2]}.${1 + (bytes[3]! % 254)}`
}

/** AWS: releasing or reusing an address that is associated. */
export const addressInUse = (ip: string): AwsError =>
  new AwsError('InvalidIPAddress.InUse', 400, `Address ${ip} is in use.`)

/** AWS: associating an address that is associated, without AllowReassociation. */
export const addressAlreadyAssociated = (allocationId: string, associationId: string): AwsError =>
  new AwsError(
    'Resource.AlreadyAssociated',
    400,
    `resource ${allocationId} is already associated with associate-id ${associationId}`,
  )

/** AWS: DisassociateAddress of an association that does not exist. */
export const associationNotFound = (id: string): AwsError =>
  new AwsError('InvalidAssociationID.NotFound', 400, `The association ID '${id}' does not exist`)
