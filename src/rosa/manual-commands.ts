import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { AccountRolePlan } from './account-roles.js'
import type { RosaTag } from './rosa-clients.js'

/** `Key=k,Value=v Key=…`, as the AWS CLI's shorthand takes a tag list. */
function tagArgs(tags: readonly RosaTag[]): string {
  return tags.map((t) => `Key=${t.Key},Value=${t.Value}`).join(' ')
}

/**
 * Writes each role's trust and permission documents into `dir` (rosa's `sts_<id>_*_policy.json` names) and returns
 * the `aws iam …` commands that create the same state as auto mode, in order.
 */
export async function writeManualAccountRoles(
  plans: readonly AccountRolePlan[],
  dir: string,
): Promise<string[]> {
  const commands: string[] = []
  for (const plan of plans) {
    await writeFile(join(dir, plan.trustFile), `${plan.trustPolicy}\n`)
    await writeFile(join(dir, plan.permissionFile), `${plan.permissionPolicy}\n`)
    const boundary = plan.permissionsBoundary ? ` --permissions-boundary ${plan.permissionsBoundary}` : ''
    commands.push(
      `aws iam create-role --role-name ${plan.roleName} --path ${plan.path}` +
        ` --assume-role-policy-document file://${plan.trustFile}${boundary} --tags ${tagArgs(plan.tags)}`,
      `aws iam create-policy --policy-name ${plan.policyName} --path ${plan.path}` +
        ` --policy-document file://${plan.permissionFile} --tags ${tagArgs(plan.tags)}`,
      `aws iam attach-role-policy --role-name ${plan.roleName} --policy-arn ${plan.policyArn}`,
    )
  }
  return commands
}
