import type { Caller } from './caller.js'
import type { OperatorRoleSpec, RosaDataSet } from './data-set.js'
import { type EnsureOutcome, ensurePolicy } from './ensure-policy.js'
import { attachPolicy, ensureRole } from './ensure-role.js'
import { checkPrefix, operatorName, policyArn } from './names.js'
import { issuerHostPath, oidcProviderArn } from './oidc-provider.js'
import { minifyJson, renderTemplate } from './render-template.js'
import { type RosaClients, type RosaLog, type RosaTag, toTags } from './rosa-clients.js'

/** The options of `lanyard rosa create operator-roles --prefix`. */
export interface OperatorRolesOptions {
  readonly prefix: string
  /** The account-roles prefix (from the Installer role name); it names the shared operator policies. */
  readonly accountRolesPrefix: string
  /** The Installer role's path, used for the operator roles and policies. */
  readonly path: string
  readonly issuer: string
}

/** One operator role, rendered. */
export interface OperatorRolePlan {
  readonly operator: OperatorRoleSpec
  readonly roleName: string
  readonly policyName: string
  readonly policyArn: string
  readonly trustPolicy: string
  readonly permissionPolicy: string
  readonly roleTags: readonly RosaTag[]
  readonly policyTags: readonly RosaTag[]
}

/** Whether `a` (x.y) is at least `b` (x.y). */
function versionAtLeast(a: string, b: string): boolean {
  const [am = 0, an = 0] = a.split('.').map(Number)
  const [bm = 0, bn = 0] = b.split('.').map(Number)
  return am !== bm ? am > bm : an >= bn
}

/** Renders one role per operator of the data set (those whose minimum version the data set reaches). */
export async function planOperatorRoles(
  data: RosaDataSet,
  caller: Caller,
  options: OperatorRolesOptions,
): Promise<OperatorRolePlan[]> {
  checkPrefix(options.prefix)
  const trustTemplate = await data.document(data.manifest.operator_trust_policy)
  const plans: OperatorRolePlan[] = []
  for (const operator of data.manifest.operator_roles) {
    if (operator.min_version && !versionAtLeast(data.version, operator.min_version)) continue
    const roleName = operatorName(options.prefix, operator.namespace, operator.secret_name)
    const policyName = operatorName(options.accountRolesPrefix, operator.namespace, operator.secret_name)
    const serviceAccounts = operator.service_accounts
      .map((sa) => `system:serviceaccount:${operator.namespace}:${sa}`)
      .join('" , "')
    const trustPolicy = renderTemplate(
      trustTemplate,
      {
        oidc_provider_arn: oidcProviderArn(caller, options.issuer),
        issuer_url: issuerHostPath(options.issuer),
        service_accounts: serviceAccounts,
      },
      caller.partition,
    )
    const operatorTags = { operator_namespace: operator.namespace, operator_name: operator.secret_name }
    plans.push({
      operator,
      roleName,
      policyName,
      policyArn: policyArn(caller.partition, caller.account, options.path, policyName),
      trustPolicy: minifyJson(trustPolicy),
      permissionPolicy: minifyJson(
        renderTemplate(await data.document(operator.permission_policy), {}, caller.partition),
      ),
      roleTags: toTags(Object.assign({}, operatorTags, { 'red-hat-managed': 'true' })),
      policyTags: toTags({
        rosa_openshift_version: data.version,
        rosa_role_prefix: options.accountRolesPrefix,
        'red-hat-managed': 'true',
        ...operatorTags,
      }),
    })
  }
  return plans
}

/** What `create operator-roles` did to one role. */
export interface OperatorRoleResult {
  readonly namespace: string
  readonly name: string
  readonly roleArn: string
  readonly role: EnsureOutcome
  readonly policyArn: string
  readonly policy: EnsureOutcome
}

/** Creates or reconciles the operator roles, their (shared) policies and attachments. */
export async function createOperatorRoles(
  clients: RosaClients,
  plans: readonly OperatorRolePlan[],
  path: string,
  log: RosaLog,
): Promise<OperatorRoleResult[]> {
  const results: OperatorRoleResult[] = []
  for (const plan of plans) {
    const policy = await ensurePolicy(clients, {
      arn: plan.policyArn,
      name: plan.policyName,
      path,
      document: plan.permissionPolicy,
      tags: plan.policyTags,
    })
    log(`policy ${plan.policyName}: ${policy}`)
    const role = await ensureRole(clients, {
      name: plan.roleName,
      path,
      trustPolicy: plan.trustPolicy,
      tags: plan.roleTags,
    })
    log(`role ${plan.roleName}: ${role.outcome} (${role.arn})`)
    await attachPolicy(clients, plan.roleName, plan.policyArn)
    results.push({
      namespace: plan.operator.namespace,
      name: plan.operator.secret_name,
      roleArn: role.arn,
      role: role.outcome,
      policyArn: plan.policyArn,
      policy,
    })
  }
  return results
}
