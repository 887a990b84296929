import { DeleteRolePolicyCommand, ListRolePoliciesCommand } from '@aws-sdk/client-iam'
import type { Caller } from './caller.js'
import type { RosaDataSet } from './data-set.js'
import { type EnsureOutcome, ensurePolicy } from './ensure-policy.js'
import { attachPolicy, ensureRole, findRole } from './ensure-role.js'
import { accountRoleName, checkPath, checkPrefix, policyArn } from './names.js'
import { applyExternalId, minifyJson, renderTemplate } from './render-template.js'
import { type RosaClients, type RosaLog, type RosaTag, toTags } from './rosa-clients.js'

/** Red Hat's production OCM account, whose roles the Installer and Support trust policies name. */
export const RED_HAT_PROVIDER_ACCOUNT = '710019948333'

/** The options of `lanyard rosa create account-roles`. */
export interface AccountRolesOptions {
  readonly prefix: string
  readonly path: string
  readonly permissionsBoundary?: string
  readonly externalId?: string
  /** The provider (Red Hat jump) account the trust policies name: `%{aws_account_id}`. */
  readonly providerAccount: string
}

/** One account role, rendered: what auto mode creates and manual mode writes. */
export interface AccountRolePlan {
  readonly type: string
  readonly roleName: string
  readonly policyName: string
  readonly policyArn: string
  readonly path: string
  readonly trustPolicy: string
  readonly permissionPolicy: string
  readonly tags: readonly RosaTag[]
  readonly permissionsBoundary?: string
  /** The OCM ids rosa uses as file names in manual mode. */
  readonly trustFile: string
  readonly permissionFile: string
}

/** rosa's getBaseRoleTags, for an account role and its policy. */
export function accountRoleTags(version: string, prefix: string, type: string): RosaTag[] {
  return toTags({
    rosa_openshift_version: version,
    rosa_role_prefix: prefix,
    rosa_role_type: type,
    'red-hat-managed': 'true',
  })
}

/** Renders the four account roles of the data set for this caller. */
export async function planAccountRoles(
  data: RosaDataSet,
  caller: Caller,
  options: AccountRolesOptions,
): Promise<AccountRolePlan[]> {
  checkPrefix(options.prefix)
  checkPath(options.path)
  const values = { aws_account_id: options.providerAccount }
  const plans: AccountRolePlan[] = []
  for (const spec of data.manifest.account_roles) {
    const roleName = accountRoleName(options.prefix, spec.suffix)
    const policyName = `${roleName}-Policy`
    let trustPolicy = minifyJson(
      renderTemplate(await data.document(spec.trust_policy), values, caller.partition),
    )
    if (spec.external_id && options.externalId) trustPolicy = applyExternalId(trustPolicy, options.externalId)
    const stem = spec.ocm_policy_id.replace(/_permission_policy$/, '')
    plans.push({
      type: spec.type,
      roleName,
      policyName,
      policyArn: policyArn(caller.partition, caller.account, options.path, policyName),
      path: options.path,
      trustPolicy,
      permissionPolicy: minifyJson(
        renderTemplate(await data.document(spec.permission_policy), values, caller.partition),
      ),
      tags: accountRoleTags(data.version, options.prefix, spec.type),
      ...(options.permissionsBoundary ? { permissionsBoundary: options.permissionsBoundary } : {}),
      trustFile: `${stem}_trust_policy.json`,
      permissionFile: `${spec.ocm_policy_id}.json`,
    })
  }
  return plans
}

/** What `create account-roles` did to one role. */
export interface AccountRoleResult {
  readonly type: string
  readonly roleArn: string
  readonly role: EnsureOutcome
  readonly policyArn: string
  readonly policy: EnsureOutcome
}

/** Creates or reconciles the four account roles, their policies and attachments (rosa `--mode auto`). */
export async function createAccountRoles(
  clients: RosaClients,
  plans: readonly AccountRolePlan[],
  log: RosaLog,
): Promise<AccountRoleResult[]> {
  const results: AccountRoleResult[] = []
  for (const plan of plans) {
    const role = await ensureRole(clients, {
      name: plan.roleName,
      path: plan.path,
      trustPolicy: plan.trustPolicy,
      tags: plan.tags,
      ...(plan.permissionsBoundary ? { permissionsBoundary: plan.permissionsBoundary } : {}),
    })
    log(`role ${plan.roleName}: ${role.outcome} (${role.arn})`)
    const policy = await ensurePolicy(clients, {
      arn: plan.policyArn,
      name: plan.policyName,
      path: plan.path,
      document: plan.permissionPolicy,
      tags: plan.tags,
    })
    log(`policy ${plan.policyName}: ${policy === 'updated' ? 'updated (new default version)' : policy}`)
    await attachPolicy(clients, plan.roleName, plan.policyArn)
    log(`attached ${plan.policyName} to ${plan.roleName}`)
    results.push({
      type: plan.type,
      roleArn: role.arn,
      role: role.outcome,
      policyArn: plan.policyArn,
      policy,
    })
  }
  return results
}

/**
 * rosa `upgrade account-roles`: the four roles must exist; every inline policy is deleted (the 2021 inline
 * permission policies, and AWSRevokeOlderSessions with them, as rosa does), then the roles, policies and tags are
 * reconciled with the data set's version.
 */
export async function upgradeAccountRoles(
  clients: RosaClients,
  plans: readonly AccountRolePlan[],
  log: RosaLog,
): Promise<AccountRoleResult[]> {
  for (const plan of plans) {
    if ((await findRole(clients, plan.roleName)) === undefined) {
      throw new Error(`role ${plan.roleName} not found: run \`lanyard rosa create account-roles\` instead`)
    }
  }
  for (const plan of plans) {
    const inline = await clients.iam.send(new ListRolePoliciesCommand({ RoleName: plan.roleName }))
    for (const name of inline.PolicyNames ?? []) {
      await clients.iam.send(new DeleteRolePolicyCommand({ RoleName: plan.roleName, PolicyName: name }))
      log(`deleted inline policy ${name} of ${plan.roleName}`)
    }
  }
  return createAccountRoles(clients, plans, log)
}
