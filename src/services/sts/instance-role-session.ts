import type { RandomBytes } from '../../kernel/ids.js'
import { contextFrom, decide, principalFacts } from '../../policy/index.js'
import type { Repositories } from '../../store/index.js'
import { loadRoleTrustByArn, type PolicyLoader } from '../iam/index.js'
import { type IssuedCredentials, issueSession } from './issue-session.js'
import type { SealingKeyRing } from './sealing-keys.js'

/** The service principal instance profiles are assumed by. */
const EC2_SERVICE = 'ec2.amazonaws.com'

/** AWS: credentials served to an instance are valid for about six hours and refreshed before they expire. */
export const INSTANCE_SESSION_SECONDS = 6 * 3600

/** What asking for an instance's role session gives. */
export type InstanceRoleSession =
  | { readonly kind: 'issued'; readonly credentials: IssuedCredentials; readonly arn: string }
  /** The role's trust policy does not let ec2.amazonaws.com assume it. */
  | { readonly kind: 'untrusted' }
  | { readonly kind: 'missing' }

/**
 * Issues the session EC2 makes for an instance of a profile: sts:AssumeRole by `ec2.amazonaws.com`, decided
 * by the role's trust policy alone, with the instance id as the session name — the same sealed session
 * token AssumeRole issues.
 */
export async function issueInstanceRoleSession(
  env: { readonly store: Repositories; readonly loader: PolicyLoader; readonly ring: SealingKeyRing },
  at: { readonly now: Date; readonly random: RandomBytes },
  roleArn: string,
  instanceId: string,
): Promise<InstanceRoleSession> {
  const role = await loadRoleTrustByArn(env.store, env.loader, roleArn)
  if (role === undefined) return { kind: 'missing' }
  const decision = decide(
    {
      principal: principalFacts(EC2_SERVICE)!,
      action: 'sts:AssumeRole',
      resource: role.arn,
      resourceAccount: role.role.accountId,
      context: contextFrom({
        'aws:CurrentTime': at.now.toISOString(),
        'aws:EpochTime': String(Math.floor(at.now.getTime() / 1000)),
        'aws:PrincipalServiceName': EC2_SERVICE,
        'aws:SourceAccount': role.role.accountId,
      }),
    },
    { identity: [], resource: role.trust },
  )
  if (decision.effect !== 'Allow') return { kind: 'untrusted' }
  const arn = `arn:aws:sts::${role.role.accountId}:assumed-role/${role.role.name}/${instanceId}`
  const { credentials } = await issueSession(
    at,
    env.ring,
    {
      kind: 'AssumedRole',
      accountId: role.role.accountId,
      arn,
      principalArn: role.arn,
      uniqueId: role.role.id,
      sessionName: instanceId,
    },
    INSTANCE_SESSION_SECONDS,
  )
  return { kind: 'issued', credentials, arn }
}
