import { type IAMClient, PutRolePolicyCommand } from '@aws-sdk/client-iam'
import { REVOKE_POLICY_NAME, revokeOlderSessionsPolicy } from '../policy/index.js'

/**
 * Revokes every session of the role issued before `at`, as the IAM console's "Revoke active sessions" does: the
 * inline policy AWSRevokeOlderSessions denies everything to tokens whose aws:TokenIssueTime is earlier. Writing it
 * again moves the instant (same policy name).
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_revoke-sessions.html
 */
export async function revokeRoleSessions(iam: IAMClient, roleName: string, at: Date): Promise<void> {
  await iam.send(
    new PutRolePolicyCommand({
      RoleName: roleName,
      PolicyName: REVOKE_POLICY_NAME,
      PolicyDocument: revokeOlderSessionsPolicy(at),
    }),
  )
}
