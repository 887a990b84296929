import { AwsError } from '../../kernel/aws-error.js'

/** AWS: the answer for a SecretId that names no secret the caller's account and region hold. */
export const secretNotFound = (): AwsError =>
  new AwsError('ResourceNotFoundException', 400, "Secrets Manager can't find the specified secret.")

/** AWS: any call but DescribeSecret, RestoreSecret, DeleteSecret and ListSecrets on a secret scheduled for deletion. */
export const markedForDeletion = (): AwsError =>
  new AwsError(
    'InvalidRequestException',
    400,
    "You can't perform this operation on the secret because it was marked for deletion.",
  )

/** AWS: CreateSecret with a name the account already uses in the region. */
export const secretExists = (name: string): AwsError =>
  new AwsError(
    'ResourceExistsException',
    400,
    `The operation failed because the secret ${name} already exists.`,
  )

/** AWS: CreateSecret with the name of a secret scheduled for deletion. */
export const nameScheduledForDeletion = (): AwsError =>
  new AwsError(
    'InvalidRequestException',
    400,
    "You can't create this secret because a secret with this name is already scheduled for deletion.",
  )

/** AWS: a version id or staging label no version of the secret carries. */
export const valueNotFound = (kind: 'VersionId' | 'staging label', value: string): AwsError =>
  new AwsError(
    'ResourceNotFoundException',
    400,
    `Secrets Manager can't find the specified secret value for ${kind}: ${value}`,
  )

/** Secrets Manager's InvalidParameterException. */
export const invalidParameter = (message: string): AwsError =>
  new AwsError('InvalidParameterException', 400, message)

/** Secrets Manager's InvalidRequestException. */
export const invalidRequest = (message: string): AwsError =>
  new AwsError('InvalidRequestException', 400, message)

/** AWS: a secret name outside the letters, digits and `/_+=.@-` (and `!` AWS names in the text). */
export const invalidName = (): AwsError =>
  new AwsError(
    'ValidationException',
    400,
    'Invalid name. Must be a valid name containing alphanumeric characters, or any of the following: -/_+=.@!',
  )

/** AWS: a ClientRequestToken reused with another value. */
export const versionExists = (): AwsError =>
  new AwsError(
    'ResourceExistsException',
    400,
    "You can't modify an existing version, you can only create a new version.",
  )

/** Secrets Manager's error for a resource policy that fails validation. */
export const malformedPolicy = (message: string): AwsError =>
  new AwsError('MalformedPolicyDocumentException', 400, message)

/** Secrets Manager's error for a public resource policy put with BlockPublicPolicy. */
export const publicPolicy = (): AwsError =>
  new AwsError(
    'PublicPolicyException',
    400,
    'The BlockPublicPolicy parameter is set to true, and the resource policy did not prevent broad access to the secret.',
  )

/** Secrets Manager's error for a NextToken it did not issue. */
export const invalidNextToken = (): AwsError =>
  new AwsError('InvalidNextTokenException', 400, 'The NextToken value is invalid.')
