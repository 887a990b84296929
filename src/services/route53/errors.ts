import { AwsError } from '../../kernel/aws-error.js'

/** AWS: a hosted zone id the caller's account does not hold. */
export const noSuchHostedZone = (id: string): AwsError =>
  new AwsError('NoSuchHostedZone', 404, `No hosted zone found with ID: ${id}`)

/** AWS: a CallerReference the account already used for a hosted zone. */
export const hostedZoneAlreadyExists = (reference: string): AwsError =>
  new AwsError(
    'HostedZoneAlreadyExists',
    409,
    `A hosted zone has already been created with the specified caller reference: ${reference}`,
  )

/** AWS: DeleteHostedZone while records other than the apex SOA and NS remain. */
export const hostedZoneNotEmpty = (): AwsError =>
  new AwsError(
    'HostedZoneNotEmpty',
    400,
    'The specified hosted zone contains non-required resource record sets and so cannot be deleted.',
  )

/** AWS: a change id that does not exist. */
export const noSuchChange = (id: string): AwsError =>
  new AwsError('NoSuchChange', 404, `A change with the specified change ID does not exist: ${id}`)

/** Route 53's InvalidChangeBatch (the first problem of the batch). */
export const invalidChangeBatch = (message: string): AwsError =>
  new AwsError('InvalidChangeBatch', 400, message)

/** Route 53's InvalidInput. */
export const invalidInput = (message: string): AwsError => new AwsError('InvalidInput', 400, message)

/** A VPC that does not exist in the caller's account and region (wording unverified). */
export const invalidVpcId = (id: string): AwsError =>
  new AwsError('InvalidVPCId', 400, `The VPC ID '${id}' is not valid.`)

/** AWS: DisassociateVPCFromHostedZone for a VPC the zone is not associated with (wording unverified). */
export const vpcAssociationNotFound = (id: string, zone: string): AwsError =>
  new AwsError(
    'VPCAssociationNotFound',
    404,
    `The specified VPC ${id} is not associated with hosted zone ${zone}.`,
  )

/** AWS: a private zone keeps at least one VPC (wording unverified). */
export const lastVpcAssociation = (): AwsError =>
  new AwsError(
    'LastVPCAssociation',
    400,
    'The VPC that you specified is the last VPC associated with the hosted zone.',
  )

/** AWS: VPC association calls on a public zone (wording unverified). */
export const publicZoneVpcAssociation = (): AwsError =>
  new AwsError('PublicZoneVPCAssociation', 400, 'You can associate a VPC only with a private hosted zone.')

/** AWS: tags of a health check, which Lanyard does not have. */
export const noSuchHealthCheck = (id: string): AwsError =>
  new AwsError('NoSuchHealthCheck', 404, `A health check with id ${id} does not exist.`)

/** AWS: a change that raced another change of the same zone. */
export const priorRequestNotComplete = (): AwsError =>
  new AwsError(
    'PriorRequestNotComplete',
    400,
    'The request was rejected because Route 53 was still processing a prior request.',
  )
