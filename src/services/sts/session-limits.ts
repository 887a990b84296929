import { AwsError } from '../../kernel/aws-error.js'
import type { SessionClaims, SessionKind } from './session-claims.js'

/** What the credentials of one kind of session may call beyond the policy engine's say. */
interface SessionLimit {
  /** IAM: `mfa` when only MFA-authenticated sessions may call it, `never` when no session may. */
  readonly iam: 'any' | 'mfa' | 'never'
  /** The STS operations the session may call; undefined for any. */
  readonly sts?: ReadonlySet<string>
}

/**
 * AWS (STS API reference, GetSessionToken and GetFederationToken): GetSessionToken credentials call no
 * IAM operation unless the session is MFA-authenticated, and no STS operation but AssumeRole and
 * GetCallerIdentity; GetFederationToken credentials call no IAM operation and no STS operation but
 * GetCallerIdentity. GetSessionToken and GetFederationToken keep their own refusal of session credentials.
 */
const LIMITS: Readonly<Record<SessionKind, SessionLimit>> = {
  AssumedRole: { iam: 'any' },
  SessionToken: {
    iam: 'mfa',
    sts: new Set(['AssumeRole', 'GetCallerIdentity', 'GetSessionToken', 'GetFederationToken']),
  },
  FederatedUser: {
    iam: 'never',
    sts: new Set(['GetCallerIdentity', 'GetSessionToken', 'GetFederationToken']),
  },
}

/** AWS: the answer to a call these credentials may not make (observed for IAM calls without MFA). */
const invalidToken = () =>
  new AwsError('InvalidClientTokenId', 403, 'The security token included in the request is invalid')

/** The error for a call the session's kind may not make, or undefined when it may. */
export function sessionCallRefusal(
  claims: SessionClaims,
  signingName: string,
  operation: string,
): AwsError | undefined {
  // AWS: the limits do not apply to console sessions.
  if (claims.console === true) return undefined
  const limit = LIMITS[claims.kind]
  if (signingName === 'iam') {
    if (limit.iam === 'never' || (limit.iam === 'mfa' && claims.mfaAuthenticatedAt === undefined))
      return invalidToken()
  }
  if (signingName === 'sts' && limit.sts !== undefined && !limit.sts.has(operation)) return invalidToken()
  return undefined
}
