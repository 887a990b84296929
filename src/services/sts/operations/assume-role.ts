import type { Operation } from '../../operation.js'
import { type PreparedAssumeRole, prepareAssumeRole } from '../assume-role-request.js'
import { packedPolicyTooLarge, validationError } from '../errors.js'
import { issueSession } from '../issue-session.js'
import { packedPolicySize } from '../packed-policy.js'
import { checkPolicyArns } from '../session-policies.js'
import type { StsEnv } from '../sts-env.js'

/** AWS: AssumeRole's default duration, and the cap on a role session assuming a role (role chaining). */
const DEFAULT_SECONDS = 3600
const CHAINED_MAX_SECONDS = 3600
/** How stale RoleLastUsed may be before AssumeRole writes it again. */
const LAST_USED_RESOLUTION_MS = 60_000

/** STS AssumeRole: temporary credentials for a role whose trust policy (and, as needed, identity policy) allows the caller. */
export function assumeRole(env: StsEnv): Operation {
  const prepared = new WeakMap<object, PreparedAssumeRole>()
  return {
    async authorize(ctx, input) {
      const request = await prepareAssumeRole(ctx, env, input)
      prepared.set(input, request)
      return request.requests
    },
    async run(ctx, input) {
      const request = prepared.get(input) ?? (await prepareAssumeRole(ctx, env, input))
      const { role, tags, policies } = request
      const duration = typeof input.DurationSeconds === 'number' ? input.DurationSeconds : DEFAULT_SECONDS
      if (duration > role.role.maxSessionDuration)
        throw validationError(
          'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.',
        )
      // AWS: any temporary credentials calling AssumeRole is role chaining, GetSessionToken's included.
      const chained = ctx.caller!.accessKeyId.startsWith('ASIA')
      if (chained && duration > CHAINED_MAX_SECONDS)
        throw validationError(
          'The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.',
        )
      await checkPolicyArns(ctx.store, policies.policyArns, role.role.accountId)
      const packed = packedPolicySize({
        tags: tags.tags,
        transitiveTagKeys: tags.transitiveTagKeys,
        ...policies,
      })
      if (packed > 100) throw packedPolicyTooLarge(packed)
      const account = role.role.accountId
      const arn = `arn:aws:sts::${account}:assumed-role/${role.role.name}/${request.sessionName}`
      const { credentials } = await issueSession(
        ctx,
        env.ring,
        {
          kind: 'AssumedRole',
          accountId: account,
          arn,
          principalArn: role.arn,
          uniqueId: role.role.id,
          sessionName: request.sessionName,
          ...(request.mfaAuthenticatedAt !== undefined
            ? { mfaAuthenticatedAt: request.mfaAuthenticatedAt }
            : {}),
          ...(tags.tags.length > 0 ? { tags: tags.tags } : {}),
          ...(tags.transitiveTagKeys.length > 0 ? { transitiveTagKeys: tags.transitiveTagKeys } : {}),
          ...(request.sourceIdentity !== undefined ? { sourceIdentity: request.sourceIdentity } : {}),
          ...(policies.policy !== undefined ? { sessionPolicy: policies.policy } : {}),
          ...(policies.policyArns.length > 0 ? { policyArns: policies.policyArns } : {}),
          ...(chained ? { chained: true } : {}),
        },
        duration,
      )
      // AWS: RoleLastUsed is eventually consistent (tracked with a delay); one write per role a minute suffices.
      const last = role.role.lastUsedAt?.getTime() ?? 0
      if (ctx.now.getTime() - last >= LAST_USED_RESOLUTION_MS || role.role.lastUsedRegion !== ctx.region)
        await ctx.store.roles.recordUse(role.role.id, ctx.now, ctx.region)
      return {
        Credentials: credentials,
        AssumedRoleUser: { AssumedRoleId: `${role.role.id}:${request.sessionName}`, Arn: arn },
        PackedPolicySize: packed,
        ...(request.sourceIdentity !== undefined ? { SourceIdentity: request.sourceIdentity } : {}),
      }
    },
  }
}
