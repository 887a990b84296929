import type { JwksCache } from '../../../oidc/index.js'
import type { Operation } from '../../operation.js'
import { packedPolicyTooLarge, validationError } from '../errors.js'
import { issueSession } from '../issue-session.js'
import { packedPolicySize } from '../packed-policy.js'
import { checkPolicyArns, readSessionPolicies } from '../session-policies.js'
import type { StsEnv } from '../sts-env.js'
import { type PreparedWebIdentity, prepareWebIdentity } from '../web-identity-request.js'

const DEFAULT_SECONDS = 3600
/** AWS: the web-identity keys a session keeps for its later requests. */
const KEPT_SUFFIXES = [':sub', ':aud', ':amr', ':id']

/** STS AssumeRoleWithWebIdentity: an unsigned call whose OIDC token and the role's trust policy alone decide. */
export function assumeRoleWithWebIdentity(env: StsEnv, jwks: JwksCache): Operation {
  const prepared = new WeakMap<object, PreparedWebIdentity>()
  return {
    unsigned: true,
    async authorize(ctx, input) {
      const request = await prepareWebIdentity(ctx, env, jwks, input)
      prepared.set(input, request)
      return request.requests
    },
    async run(ctx, input) {
      const { verified, role } = prepared.get(input) ?? (await prepareWebIdentity(ctx, env, jwks, input))
      // Authorization refused a missing role already; this only narrows the type.
      if (role === undefined) throw validationError('The role does not exist.')
      const duration = typeof input.DurationSeconds === 'number' ? input.DurationSeconds : DEFAULT_SECONDS
      if (duration > role.role.maxSessionDuration)
        throw validationError(
          'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.',
        )
      const account = role.role.accountId
      const policies = readSessionPolicies(input, account)
      await checkPolicyArns(ctx.store, policies.policyArns, account)
      const packed = packedPolicySize({
        tags: verified.tags,
        transitiveTagKeys: verified.transitiveTagKeys,
        ...policies,
      })
      if (packed > 100) throw packedPolicyTooLarge(packed)
      const sessionName = String(input.RoleSessionName)
      const arn = `arn:aws:sts::${account}:assumed-role/${role.role.name}/${sessionName}`
      const kept = Object.fromEntries(
        Object.entries(verified.keys).filter(([key]) => KEPT_SUFFIXES.some((suffix) => key.endsWith(suffix))),
      )
      const { credentials } = await issueSession(
        ctx,
        env.ring,
        {
          kind: 'AssumedRole',
          accountId: account,
          arn,
          principalArn: role.arn,
          uniqueId: role.role.id,
          sessionName,
          federatedProvider: verified.provider.arn,
          webIdentityKeys: kept,
          ...(verified.tags.length > 0 ? { tags: verified.tags } : {}),
          ...(verified.transitiveTagKeys.length > 0 ? { transitiveTagKeys: verified.transitiveTagKeys } : {}),
          ...(verified.sourceIdentity !== undefined ? { sourceIdentity: verified.sourceIdentity } : {}),
          ...(policies.policy !== undefined ? { sessionPolicy: policies.policy } : {}),
          ...(policies.policyArns.length > 0 ? { policyArns: policies.policyArns } : {}),
        },
        duration,
      )
      return {
        Credentials: credentials,
        SubjectFromWebIdentityToken: verified.subject,
        AssumedRoleUser: { AssumedRoleId: `${role.role.id}:${sessionName}`, Arn: arn },
        // AWS: omitted when the call packs nothing (no session policy, policy ARNs or token tags).
        ...(packed > 0 ? { PackedPolicySize: packed } : {}),
        Provider: verified.provider.arn,
        Audience: verified.audience,
        ...(verified.sourceIdentity !== undefined ? { SourceIdentity: verified.sourceIdentity } : {}),
      }
    },
  }
}
