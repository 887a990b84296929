import { createSecretKey } from 'node:crypto'
import { base64url, SignJWT } from 'jose'
import type { LoopbackIssuer } from './web-identity-issuer.js'

/**
 * How a case's web-identity token is minted, as data. Times are seconds relative to the server's clock;
 * `null` in `claims` or `header` removes the member.
 */
export interface TokenSpec {
  /** The issuer whose URL is the `iss` claim; `main` unless told. */
  readonly issuer?: string
  /** A literal `iss` claim instead of the issuer's URL. */
  readonly iss?: string
  /** The issuer holding the signing key (`issuer` unless told), and the key's kid (`k1` unless told). */
  readonly signer?: string
  readonly key?: string
  readonly header?: Readonly<Record<string, unknown>>
  readonly claims?: Readonly<Record<string, unknown>>
  /** `exp` (default 3600), `iat` (default -10) and `nbf` (absent by default), relative to now. */
  readonly expIn?: number
  readonly iatIn?: number
  readonly nbfIn?: number
  /**
   * `jwt` (default); `tamper-signature` flips a signature character; `tamper-payload` re-encodes the claims
   * with another `sub` after signing; `alg-none` is an unsecured JWT; `hs256` is signed with a shared
   * secret; `two-parts` drops the signature; `garbage` is not a JWT at all.
   */
  readonly form?:
    | 'jwt'
    | 'tamper-signature'
    | 'tamper-payload'
    | 'alg-none'
    | 'hs256'
    | 'two-parts'
    | 'garbage'
  /** Appended to the token as sent, e.g. `\n`. */
  readonly suffix?: string
}

/** A minted token with the values a case's expected message may name. */
export interface MintedToken {
  readonly token: string
  readonly iss: string
  readonly exp: number | undefined
}

const DEFAULT_CLAIMS = { sub: 'system:serviceaccount:ns:sa', aud: 'sts.amazonaws.com' }

/** Mints the token a spec describes, against the issuers of the world and the server's current time. */
export async function mintToken(
  spec: TokenSpec,
  issuers: ReadonlyMap<string, LoopbackIssuer>,
  nowSeconds: number,
  expand: (text: string) => string,
): Promise<MintedToken> {
  const issuer = issuers.get(spec.issuer ?? 'main')
  if (issuer === undefined) throw new Error(`unknown issuer ${spec.issuer}`)
  const iss = spec.iss !== undefined ? expand(spec.iss) : issuer.url
  const claims = withoutNulls({
    ...DEFAULT_CLAIMS,
    iss,
    iat: nowSeconds + (spec.iatIn ?? -10),
    exp: nowSeconds + (spec.expIn ?? 3600),
    ...(spec.nbfIn !== undefined ? { nbf: nowSeconds + spec.nbfIn } : {}),
    ...expandAll(spec.claims ?? {}, expand),
  })
  const exp = typeof claims.exp === 'number' ? claims.exp : undefined
  const token = await sign(spec, issuers, issuer, claims)
  return { token: `${token}${spec.suffix ?? ''}`, iss, exp }
}

async function sign(
  spec: TokenSpec,
  issuers: ReadonlyMap<string, LoopbackIssuer>,
  issuer: LoopbackIssuer,
  claims: Record<string, unknown>,
): Promise<string> {
  const form = spec.form ?? 'jwt'
  if (form === 'garbage') return 'this-is-not-a-jwt'
  if (form === 'alg-none') {
    const part = (value: object) => base64url.encode(JSON.stringify(value))
    return `${part({ alg: 'none', typ: 'JWT' })}.${part(claims)}.`
  }
  if (form === 'hs256') {
    const secret = createSecretKey(Buffer.alloc(32, 7))
    return new SignJWT(claims).setProtectedHeader({ alg: 'HS256', kid: 'k1' }).sign(secret)
  }
  const holder = issuers.get(spec.signer ?? spec.issuer ?? 'main') ?? issuer
  const key = holder.keys.get(spec.key ?? 'k1')
  if (key === undefined) throw new Error(`unknown key ${spec.key}`)
  const header = withoutNulls({ alg: key.alg, kid: key.kid, typ: 'JWT', ...(spec.header ?? {}) })
  const jwt = await new SignJWT(claims)
    .setProtectedHeader(header as { alg: string })
    .sign(key.pair.privateKey)
  const [head, body, signature] = jwt.split('.') as [string, string, string]
  if (form === 'two-parts') return `${head}.${body}`
  if (form === 'tamper-signature') {
    const flipped = signature[10] === 'A' ? 'B' : 'A'
    return `${head}.${body}.${signature.slice(0, 10)}${flipped}${signature.slice(11)}`
  }
  if (form === 'tamper-payload') {
    const forged = base64url.encode(JSON.stringify({ ...claims, sub: 'system:serviceaccount:ns:admin' }))
    return `${head}.${forged}.${signature}`
  }
  return jwt
}

function withoutNulls(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== null))
}

function expandAll(record: Readonly<Record<string, unknown>>, expand: (text: string) => string) {
  return JSON.parse(expand(JSON.stringify(record))) as Record<string, unknown>
}
