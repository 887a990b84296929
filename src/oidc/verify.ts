import {
  type CryptoKey,
  decodeJwt,
  decodeProtectedHeader,
  errors,
  type JWTPayload,
  type JWTVerifyOptions,
  jwtVerify,
} from 'jose'
import type { AwsError } from '../kernel/aws-error.js'
import type { ContextValue } from '../policy/index.js'
import {
  expiredWebIdentityToken,
  invalidIdentityToken,
  NO_VERIFICATION_KEY,
  NOT_A_JWT,
  THUMBPRINT_MISMATCH,
} from './errors.js'
import { isAcceptedIssuer, withoutScheme } from './issuer-url.js'
import type { JwksCache } from './jwks-cache.js'
import { ThumbprintMismatch } from './tls-get.js'

/** An IAM OIDC provider as web-identity verification needs it. */
export interface WebIdentityProvider {
  readonly arn: string
  readonly clientIds: readonly string[]
  /** Lower-case SHA-1 thumbprints that pin an https issuer whose chain is not publicly trusted. */
  readonly thumbprints?: readonly string[]
}

/** A verified web-identity token and what it brings into the session. */
export interface VerifiedWebIdentity {
  readonly issuer: string
  readonly subject: string
  /** The client id: `azp` when present, else the `aud` value the provider lists. */
  readonly audience: string
  readonly provider: WebIdentityProvider
  /** `<host/path>:sub`, `:aud`, `:amr`, `:azp` condition keys. */
  readonly keys: Readonly<Record<string, ContextValue>>
  readonly tags: readonly (readonly [string, string])[]
  readonly transitiveTagKeys: readonly string[]
  readonly sourceIdentity?: string
}

const ALGORITHMS = ['RS256', 'RS384', 'RS512', 'ES256', 'ES384', 'ES512']
const REQUIRED = ['iss', 'sub', 'aud', 'exp', 'iat'] as const
/** AWS: web-identity tokens get five minutes of clock skew. */
const SKEW_SECONDS = 300
const TAGS_CLAIM = 'https://aws.amazon.com/tags'
const SOURCE_IDENTITY_CLAIM = 'https://aws.amazon.com/source_identity'

/**
 * Validates a web-identity token as STS does (reference 5.6, in its order): JWT shape, required claims,
 * the IAM OIDC provider of the role's account, the audience, the signature against the issuer's JWKS,
 * then the time. Throws the AWS error of the first failure.
 */
export async function verifyWebIdentityToken(
  rawToken: string,
  findProvider: (issuerWithoutScheme: string) => Promise<WebIdentityProvider | undefined>,
  jwks: JwksCache,
  now: Date,
): Promise<VerifiedWebIdentity> {
  const token = rawToken.trim()
  const claims = readClaims(token)
  const issuer = claims.iss as string
  const providerKey = withoutScheme(issuer)
  const provider = isAcceptedIssuer(issuer) ? await findProvider(providerKey) : undefined
  if (provider === undefined)
    throw invalidIdentityToken(`No OpenIDConnect provider found in your account for ${issuer}`)
  const audience = clientIdOf(claims, provider)
  await checkSignatureAndTime(token, issuer, provider.thumbprints ?? [], jwks, now)
  return {
    issuer,
    subject: claims.sub as string,
    audience,
    provider,
    keys: conditionKeys(providerKey, claims, audience),
    ...sessionAttributes(claims),
  }
}

function readClaims(token: string): JWTPayload {
  let claims: JWTPayload
  try {
    const header = decodeProtectedHeader(token)
    if (typeof header.alg !== 'string' || !ALGORITHMS.includes(header.alg) || token.split('.').length !== 3)
      throw new Error()
    claims = decodeJwt(token)
  } catch {
    throw invalidIdentityToken(NOT_A_JWT)
  }
  for (const name of REQUIRED) {
    if (claims[name] === undefined) throw invalidIdentityToken(`Missing a required claim: ${name}`)
  }
  if (typeof claims.iss !== 'string' || typeof claims.sub !== 'string') throw invalidIdentityToken(NOT_A_JWT)
  if (!Number.isInteger(claims.exp) || !Number.isInteger(claims.iat)) throw invalidIdentityToken(NOT_A_JWT)
  return claims
}

function clientIdOf(claims: JWTPayload, provider: WebIdentityProvider): string {
  // A JWT aud is a string or an array of strings; any other type names no client id.
  const aud: unknown = claims.aud
  const audiences =
    typeof aud === 'string' ? [aud] : Array.isArray(aud) ? aud.filter((v) => typeof v === 'string') : []
  const azp = typeof claims.azp === 'string' ? claims.azp : undefined
  const candidates = azp !== undefined ? [azp] : audiences
  const listed = candidates.find((value) => provider.clientIds.includes(value))
  if (listed === undefined) throw invalidIdentityToken('Incorrect token audience')
  return listed
}

async function checkSignatureAndTime(
  token: string,
  issuer: string,
  thumbprints: readonly string[],
  jwks: JwksCache,
  now: Date,
): Promise<void> {
  let keys: Awaited<ReturnType<JwksCache['keysFor']>>
  try {
    keys = await jwks.keysFor(issuer, now.getTime(), thumbprints)
  } catch (error) {
    throw invalidIdentityToken(
      error instanceof ThumbprintMismatch ? THUMBPRINT_MISMATCH : NO_VERIFICATION_KEY,
    )
  }
  const options = { algorithms: ALGORITHMS, clockTolerance: SKEW_SECONDS, currentDate: now }
  try {
    await jwtVerify(token, keys, options)
  } catch (error) {
    if (!(error instanceof errors.JWKSMultipleMatchingKeys)) throw verificationError(error, token, now)
    await verifyWithEachKey(token, error, options)
  }
}

/** A token without a kid (or with a kid several keys share) is tried against each key its algorithm fits. */
async function verifyWithEachKey(
  token: string,
  candidates: AsyncIterable<CryptoKey>,
  options: JWTVerifyOptions & { currentDate: Date },
): Promise<void> {
  let failure: unknown = new errors.JWSSignatureVerificationFailed()
  for await (const key of candidates) {
    try {
      await jwtVerify(token, key, options)
      return
    } catch (error) {
      failure = error
      if (!(error instanceof errors.JWSSignatureVerificationFailed)) break
    }
  }
  throw verificationError(failure, token, options.currentDate)
}

function verificationError(error: unknown, token: string, now: Date): AwsError {
  if (error instanceof errors.JWTExpired) {
    return expiredWebIdentityToken(Math.floor(now.getTime() / 1000), decodeJwt(token).exp ?? 0)
  }
  if (error instanceof errors.JWTClaimValidationFailed)
    return invalidIdentityToken(`Invalid claim: ${error.claim}`)
  if (error instanceof errors.JWSSignatureVerificationFailed)
    return invalidIdentityToken('Invalid token signature')
  if (error instanceof ThumbprintMismatch) return invalidIdentityToken(THUMBPRINT_MISMATCH)
  return invalidIdentityToken(NO_VERIFICATION_KEY)
}

function conditionKeys(
  providerKey: string,
  claims: JWTPayload,
  audience: string,
): Record<string, ContextValue> {
  const keys: Record<string, ContextValue> = {
    [`${providerKey}:sub`]: claims.sub as string,
    [`${providerKey}:aud`]: audience,
  }
  if (typeof claims.azp === 'string') keys[`${providerKey}:azp`] = claims.azp
  const amr = claims.amr
  if (typeof amr === 'string') keys[`${providerKey}:amr`] = amr
  else if (Array.isArray(amr))
    keys[`${providerKey}:amr`] = amr.filter((v): v is string => typeof v === 'string')
  return keys
}

function sessionAttributes(
  claims: JWTPayload,
): Pick<VerifiedWebIdentity, 'tags' | 'transitiveTagKeys' | 'sourceIdentity'> {
  const block = claims[TAGS_CLAIM] as
    | { principal_tags?: Record<string, unknown>; transitive_tag_keys?: unknown }
    | undefined
  const tags: [string, string][] = []
  for (const [key, values] of Object.entries(block?.principal_tags ?? {})) {
    const value = Array.isArray(values) ? values[0] : values
    if (typeof value === 'string') tags.push([key, value])
  }
  const transitive = Array.isArray(block?.transitive_tag_keys)
    ? block.transitive_tag_keys.filter((k): k is string => typeof k === 'string')
    : []
  const source = claims[SOURCE_IDENTITY_CLAIM]
  return {
    tags,
    transitiveTagKeys: transitive,
    ...(typeof source === 'string' ? { sourceIdentity: source } : {}),
  }
}
