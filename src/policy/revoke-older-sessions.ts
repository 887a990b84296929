/** The inline policy name the IAM console uses for "Revoke active sessions". */
export const REVOKE_POLICY_NAME = 'AWSRevokeOlderSessions'

/**
 * The policy the IAM console attaches to revoke a role's sessions: deny everything to sessions whose token was
 * issued before `at`.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_revoke-sessions.html
 */
export function revokeOlderSessionsPolicy(at: Date): string {
  return JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Deny',
        Action: ['*'],
        Resource: ['*'],
        Condition: { DateLessThan: { 'aws:TokenIssueTime': at.toISOString() } },
      },
    ],
  })
}
