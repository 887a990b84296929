import { AwsError } from '../../kernel/aws-error.js'

/** AWS: a route to that destination exists already. */
export const routeAlreadyExists = (cidr: string): AwsError =>
  new AwsError('RouteAlreadyExists', 400, `The route identified by ${cidr} already exists.`)

/** AWS: no route to that destination in the table. */
export const routeNotFound = (cidr: string, table: string): AwsError =>
  new AwsError(
    'InvalidRoute.NotFound',
    400,
    `no route with destination-cidr-block ${cidr} in route table ${table}`,
  )

/** AWS: the local route stays. */
export const localRoute = (cidr: string, table: string): AwsError =>
  new AwsError('InvalidParameterValue', 400, `cannot remove local route ${cidr} in route table ${table}`)

/** AWS: a target or subnet of another VPC than the table's. */
export const differentNetworks = (table: string, other: string, kind = 'network gateway'): AwsError =>
  new AwsError(
    'InvalidParameterValue',
    400,
    `route table ${table} and ${kind} ${other} belong to different networks`,
  )

/** AWS: an association id no table has. */
export const routeAssociationNotFound = (id: string): AwsError =>
  new AwsError('InvalidAssociationID.NotFound', 400, `The association ID '${id}' does not exist`)
