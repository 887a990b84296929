import type { Operation } from '../../operation.js'
import { sessionCredentialsRefused } from '../errors.js'
import { issueSession } from '../issue-session.js'
import { verifyMfa } from '../mfa-check.js'
import type { StsEnv } from '../sts-env.js'

/** AWS: GetSessionToken lasts 12 hours by default; the root user's sessions are clamped to one hour. */
const DEFAULT_SECONDS = 43_200
const ROOT_MAX_SECONDS = 3600

/** STS GetSessionToken: temporary credentials with the user's own permissions, optionally MFA-authenticated. */
export function getSessionToken(env: StsEnv): Operation {
  return {
    async authorize(ctx) {
      // AWS: it cannot be denied by policy, but session credentials are refused.
      if (ctx.caller!.accessKeyId.startsWith('ASIA')) throw sessionCredentialsRefused('GetSessionToken')
      return []
    },
    async run(ctx, input) {
      const { principal } = ctx.caller!
      const isRoot = principal.type === 'Account'
      const requested = typeof input.DurationSeconds === 'number' ? input.DurationSeconds : DEFAULT_SECONDS
      const duration = isRoot ? Math.min(requested, ROOT_MAX_SECONDS) : requested
      const mfa =
        typeof input.SerialNumber === 'string' && typeof input.TokenCode === 'string'
          ? await verifyMfa(ctx.store, principal.uniqueId, input.SerialNumber, input.TokenCode, ctx.now)
          : undefined
      const { credentials } = await issueSession(
        ctx,
        env.ring,
        {
          kind: 'SessionToken',
          accountId: principal.account,
          arn: principal.arn,
          principalArn: principal.principalArn,
          uniqueId: principal.uniqueId ?? principal.account,
          ...(mfa !== undefined ? { mfaAuthenticatedAt: mfa.getTime() } : {}),
        },
        duration,
      )
      return { Credentials: credentials }
    },
  }
}
