import { AwsError } from '../../kernel/aws-error.js'

/** AWS: the IAM error for a missing user. */
export const noSuchUser = (name: string): AwsError =>
  new AwsError('NoSuchEntity', 404, `The user with name ${name} cannot be found.`)
