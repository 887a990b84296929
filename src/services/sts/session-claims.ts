import type { ContextValue } from '../../policy/index.js'

/** What kind of temporary credentials a session token carries. */
export type SessionKind = 'AssumedRole' | 'FederatedUser' | 'SessionToken'

/** Everything a session token carries; sealed inside it, so verifying a session reads no store. */
export interface SessionClaims {
  readonly kind: SessionKind
  /** The temporary `ASIA…` key the token belongs to; bound as AES-GCM additional data. */
  readonly accessKeyId: string
  readonly secretAccessKey: string
  readonly accountId: string
  /** The identity ARN: `arn:aws:sts::A:assumed-role/R/S`, a federated-user ARN, or the user's ARN. */
  readonly arn: string
  /** `aws:PrincipalArn`: the role ARN with its path, or the user's ARN. */
  readonly principalArn: string
  /** The role's or user's unique id (`AROA…`, `AIDA…`). */
  readonly uniqueId: string
  /** The role session name or federated user name. */
  readonly sessionName?: string
  /** Issue and expiry instants, epoch milliseconds. */
  readonly issuedAt: number
  readonly expiresAt: number
  /** When MFA was authenticated, epoch milliseconds. */
  readonly mfaAuthenticatedAt?: number
  /** Session tags as [key, value] pairs, in the case they were given. */
  readonly tags?: readonly (readonly [string, string])[]
  readonly transitiveTagKeys?: readonly string[]
  readonly sourceIdentity?: string
  /** The inline session policy text and the session policy ARNs. */
  readonly sessionPolicy?: string
  readonly policyArns?: readonly string[]
  /** Web-identity keys kept for the session's requests (`<provider>:sub`, `:aud`, `:amr`, …) and the provider. */
  readonly federatedProvider?: string
  readonly webIdentityKeys?: Readonly<Record<string, ContextValue>>
  /** True when the session came from another role session (role chaining). */
  readonly chained?: boolean
  /** For GetFederationToken sessions: the ARN of the IAM user that created it. */
  readonly parentUserArn?: string
  /**
   * True for a console sign-in session of an IAM user (a `SessionToken` session made by the console's password
   * sign-in): AWS's console sessions carry the user's permissions without GetSessionToken's limits on IAM and STS.
   */
  readonly console?: boolean
}
