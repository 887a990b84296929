import { AwsError } from '../kernel/aws-error.js'

/** AWS: STS's 400 for a web-identity token it cannot accept. */
export const invalidIdentityToken = (message: string): AwsError =>
  new AwsError('InvalidIdentityToken', 400, message)

/** AWS: the text for a token that is not a signed JWT. */
export const NOT_A_JWT =
  'The ID Token provided is not a valid JWT. (You may see this error if you sent an Access Token)'

/** AWS: the text when the issuer's keys cannot be fetched or none verifies the token. */
export const NO_VERIFICATION_KEY =
  "Couldn't retrieve verification key from your identity provider, please reference AssumeRoleWithWebIdentity documentation for requirements"

/** AWS: the text when an https issuer's chain is not publicly trusted and no provider thumbprint matches it. */
export const THUMBPRINT_MISMATCH =
  "OpenIDConnect provider's HTTPS certificate doesn't match configured thumbprint"

/** AWS: 400 `ExpiredTokenException` for an expired web-identity token (AWS omits the space before the second date). */
export const expiredWebIdentityToken = (nowSeconds: number, exp: number): AwsError =>
  new AwsError(
    'ExpiredTokenException',
    400,
    `Token expired: current date/time ${nowSeconds} must be before the expiration date/time${exp}`,
  )
