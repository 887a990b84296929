export {
  expiredWebIdentityToken,
  invalidIdentityToken,
  NO_VERIFICATION_KEY,
  NOT_A_JWT,
  THUMBPRINT_MISMATCH,
} from './errors.js'
export { isAcceptedIssuer, withoutScheme } from './issuer-url.js'
export { JwksCache, type JwksCacheOptions } from './jwks-cache.js'
export { signServiceAccountToken, type TokenSigningKey } from './service-account-token.js'
export { type VerifiedWebIdentity, verifyWebIdentityToken, type WebIdentityProvider } from './verify.js'
