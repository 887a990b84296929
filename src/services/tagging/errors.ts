import { AwsError } from '../../kernel/aws-error.js'

/** The Tagging API's InvalidParameterException (the texts Lanyard sends are not verified against AWS). */
export const invalidParameter = (message: string): AwsError =>
  new AwsError('InvalidParameterException', 400, message)

/** A PaginationToken this server did not issue, or issued for other parameters. */
export const invalidPaginationToken = (): AwsError =>
  invalidParameter('The specified pagination token is not valid for this request.')
