import { AwsError } from '../../kernel/aws-error.js'
import type { Caller } from '../operation.js'

/** AWS: the AccessDenied text of a refused authorization. */
export const notAuthorized = (caller: Caller, action: string, resource: string): AwsError =>
  new AwsError(
    'AccessDenied',
    403,
    `User: ${caller.principal.arn} is not authorized to perform: ${action} on resource: ${resource}`,
  )

/** AWS: the account root user cannot assume a role. */
export const rootCannotAssume = (): AwsError =>
  new AwsError('AccessDenied', 403, 'Roles may not be assumed by root accounts.')

/** AWS: GetSessionToken and GetFederationToken accept long-term keys only. */
export const sessionCredentialsRefused = (operation: string): AwsError =>
  new AwsError('AccessDenied', 403, `Cannot call ${operation} with session credentials`)

/** AWS: a model-level rule STS checks itself (HTTP 400 `ValidationError`). */
export const validationError = (message: string): AwsError => new AwsError('ValidationError', 400, message)

/** AWS: a parameter value STS rejects (HTTP 400 `InvalidParameterValue`). */
export const invalidParameterValue = (message: string): AwsError =>
  new AwsError('InvalidParameterValue', 400, message)

/** AWS: the TokenCode does not match the device. */
export const invalidMfaCode = (): AwsError =>
  new AwsError('AccessDenied', 403, 'MultiFactorAuthentication failed with invalid MFA one time pass code.')

/** AWS: the SerialNumber names no MFA device of the caller (the text has two spaces). */
export const unknownMfaDevice = (): AwsError =>
  new AwsError(
    'AccessDenied',
    403,
    'MultiFactorAuthentication failed, unable to validate MFA code.  Please verify your MFA serial number is valid and associated with this user.',
  )

/** AWS: the session policies and tags pack to more than the allotted space. */
export const packedPolicyTooLarge = (percent: number): AwsError =>
  new AwsError(
    'PackedPolicyTooLarge',
    400,
    `Packed policy consumes ${percent}% of allotted space, please use smaller policy for request.`,
  )

/** DecodeAuthorizationMessage of a message Lanyard did not encode, or whose key has been retired. */
export const invalidAuthorizationMessage = (): AwsError =>
  new AwsError('InvalidAuthorizationMessageException', 400, 'The message provided is invalid or expired.')
