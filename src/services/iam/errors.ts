import { AwsError } from '../../kernel/aws-error.js'

/** AWS: IAM's 404 for a missing entity. */
export const noSuchEntity = (message: string): AwsError => new AwsError('NoSuchEntity', 404, message)

/** AWS: the IAM error for a missing user. */
export const noSuchUser = (name: string): AwsError =>
  noSuchEntity(`The user with name ${name} cannot be found.`)

/** AWS: the IAM error for a missing role. */
export const noSuchRole = (name: string): AwsError =>
  noSuchEntity(`The role with name ${name} cannot be found.`)

/** AWS: the IAM error for a missing group. */
export const noSuchGroup = (name: string): AwsError =>
  noSuchEntity(`The group with name ${name} cannot be found.`)

/** AWS: the IAM error for a missing managed policy. */
export const noSuchPolicy = (arn: string): AwsError =>
  noSuchEntity(`Policy ${arn} does not exist or is not attachable.`)

/** AWS: 409 when a name is taken. */
export const entityAlreadyExists = (message: string): AwsError =>
  new AwsError('EntityAlreadyExists', 409, message)

/** AWS: 409 when an entity still has subordinate entities. */
export const deleteConflict = (message: string): AwsError => new AwsError('DeleteConflict', 409, message)

/** AWS: 409 when a quota would be exceeded. */
export const limitExceeded = (message: string): AwsError => new AwsError('LimitExceeded', 409, message)

/** AWS: 400 for a value the model accepts but IAM does not. */
export const invalidInput = (message: string): AwsError => new AwsError('InvalidInput', 400, message)

/** AWS: 400 for a policy document that fails validation. */
export const malformedPolicyDocument = (message: string): AwsError =>
  new AwsError('MalformedPolicyDocument', 400, message)
