import { fail, type SigV4Failure } from './errors.js'

/**
 * AWS: the access key id is unknown, deleted or inactive. The query services answer
 * InvalidClientTokenId; S3 answers InvalidAccessKeyId.
 */
export function unknownAccessKey(s3: boolean): SigV4Failure {
  return s3
    ? fail('InvalidAccessKeyId', 403, 'The AWS Access Key Id you provided does not exist in our records.')
    : fail('InvalidClientTokenId', 403, 'The security token included in the request is invalid.')
}

/** AWS: an `ASIA` key without its session token, or a token that does not belong to the key. */
export function invalidSessionToken(s3: boolean): SigV4Failure {
  return s3
    ? fail('InvalidToken', 400, 'The provided token is malformed or otherwise invalid.')
    : fail('InvalidClientTokenId', 403, 'The security token included in the request is invalid.')
}

/** AWS: the session the token belongs to has expired. */
export function expiredSessionToken(s3: boolean): SigV4Failure {
  return s3
    ? fail('ExpiredToken', 400, 'The provided token has expired.')
    : fail('ExpiredToken', 403, 'The security token included in the request is expired')
}
