import type { Operation, OperationContext } from '../../operation.js'
import { packedPolicyTooLarge, sessionCredentialsRefused } from '../errors.js'
import { issueSession } from '../issue-session.js'
import { packedPolicySize } from '../packed-policy.js'
import { checkPolicyArns, readSessionPolicies } from '../session-policies.js'
import { requestTagContext, sessionTags } from '../session-tags.js'
import type { StsEnv } from '../sts-env.js'

/** AWS: 12 hours by default; the root user's federation sessions are clamped to one hour. */
const DEFAULT_SECONDS = 43_200
const ROOT_MAX_SECONDS = 3600

const federatedUserArn = (ctx: OperationContext, name: string): string =>
  `arn:aws:sts::${ctx.caller!.principal.account}:federated-user/${name}`

/**
 * STS GetFederationToken: a federated-user session whose permissions are the user's intersected with the
 * session policies (no session policy, no permissions). Long-term keys only.
 */
export function getFederationToken(env: StsEnv): Operation {
  return {
    async authorize(ctx, input) {
      if (ctx.caller!.accessKeyId.startsWith('ASIA')) throw sessionCredentialsRefused('GetFederationToken')
      const tags = sessionTags({ Tags: input.Tags }, undefined)
      const resource = federatedUserArn(ctx, String(input.Name))
      const context = requestTagContext(tags.requested)
      return [
        { action: 'sts:GetFederationToken', resource, context },
        ...(tags.requested.length > 0 ? [{ action: 'sts:TagSession', resource, context }] : []),
      ]
    },
    async run(ctx, input) {
      const { principal } = ctx.caller!
      const name = String(input.Name)
      const tags = sessionTags({ Tags: input.Tags }, undefined)
      const policies = readSessionPolicies(input, principal.account)
      await checkPolicyArns(ctx.store, policies.policyArns, principal.account)
      const packed = packedPolicySize({ tags: tags.tags, transitiveTagKeys: [], ...policies })
      if (packed > 100) throw packedPolicyTooLarge(packed)
      const requested = typeof input.DurationSeconds === 'number' ? input.DurationSeconds : DEFAULT_SECONDS
      const duration = principal.type === 'Account' ? Math.min(requested, ROOT_MAX_SECONDS) : requested
      const arn = federatedUserArn(ctx, name)
      const { credentials } = await issueSession(
        ctx,
        env.ring,
        {
          kind: 'FederatedUser',
          accountId: principal.account,
          arn,
          principalArn: arn,
          uniqueId: principal.uniqueId ?? principal.account,
          sessionName: name,
          parentUserArn: principal.arn,
          ...(tags.tags.length > 0 ? { tags: tags.tags } : {}),
          ...(policies.policy !== undefined ? { sessionPolicy: policies.policy } : {}),
          ...(policies.policyArns.length > 0 ? { policyArns: policies.policyArns } : {}),
        },
        duration,
      )
      return {
        Credentials: credentials,
        FederatedUser: { FederatedUserId: `${principal.account}:${name}`, Arn: arn },
        PackedPolicySize: packed,
      }
    },
  }
}
