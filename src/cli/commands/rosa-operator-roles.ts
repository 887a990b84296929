import type { Command } from 'commander'
import {
  createOperatorRoles,
  deleteManagedPolicy,
  deleteRole,
  findRole,
  getCaller,
  issuerOfConfig,
  listRolesNamed,
  loadRosaDataSet,
  type OperatorRoleResult,
  planOperatorRoles,
  type RosaLog,
  refuseOperatorPrefixInUse,
  roleTags,
} from '../../rosa/index.js'
import { clusterServiceOf } from './rosa-cluster-service.js'
import { type RosaFlags, rosaSession, runRosaAction, withRosaFlags } from './rosa-common.js'
import type { RosaCommandGroups } from './rosa-groups.js'

/** The flags of `lanyard rosa create operator-roles`. */
export interface CreateOperatorRolesFlags extends RosaFlags {
  readonly prefix: string
  readonly oidcConfigId: string
  readonly installerRoleArn?: string
  readonly version: string
}

/** The account-roles prefix and path from a standard-named Installer role ARN (`…:role<path><prefix>-Installer-Role`). */
export function installerRoleParts(arn: string): { prefix: string; path: string; name: string } {
  const match = /^arn:[^:]+:iam::\d{12}:role(\/(?:[^/]+\/)*)([^/]+)-Installer-Role$/.exec(arn)
  if (!match) {
    throw new Error(
      `--installer-role-arn '${arn}' is not a standard Installer role ARN (…:role/<prefix>-Installer-Role)`,
    )
  }
  return { path: match[1]!, prefix: match[2]!, name: `${match[2]}-Installer-Role` }
}

/** Runs `lanyard rosa create operator-roles --prefix P --oidc-config-id ID`. */
export async function runCreateOperatorRoles(
  flags: CreateOperatorRolesFlags,
  log: RosaLog,
  env: NodeJS.ProcessEnv = process.env,
): Promise<OperatorRoleResult[]> {
  const data = await loadRosaDataSet(flags.version)
  const session = rosaSession(flags, env)
  try {
    const caller = await getCaller(session.clients)
    const installer = installerRoleParts(
      flags.installerRoleArn ??
        `arn:${caller.partition}:iam::${caller.account}:role/ManagedOpenShift-Installer-Role`,
    )
    const role = await findRole(session.clients, installer.name)
    if (role === undefined) {
      throw new Error(
        `installer role ${installer.name} not found: run \`lanyard rosa create account-roles --prefix ${installer.prefix}\` ` +
          'first or pass --installer-role-arn',
      )
    }
    const issuer = await issuerOfConfig(session.clients, flags.oidcConfigId)
    log(`issuer ${issuer}; account-roles prefix ${installer.prefix}`)
    const plans = await planOperatorRoles(data, caller, {
      prefix: flags.prefix,
      accountRolesPrefix: installer.prefix,
      path: role.Path ?? '/',
      issuer,
    })
    return await createOperatorRoles(session.clients, plans, role.Path ?? '/', log)
  } finally {
    session.destroy()
  }
}

/** The flags of `lanyard rosa delete operator-roles`. */
export interface DeleteOperatorRolesFlags extends RosaFlags {
  readonly prefix: string
}

/**
 * Runs `lanyard rosa delete operator-roles --prefix P`: refused while a cluster uses the prefix; then the roles
 * named `<P>-openshift-…` tagged operator_namespace, inline policies (AWSRevokeOlderSessions) first.
 */
export async function runDeleteOperatorRoles(
  flags: DeleteOperatorRolesFlags,
  log: RosaLog,
  env: NodeJS.ProcessEnv = process.env,
): Promise<{ deletedRoles: string[]; deletedPolicies: string[] }> {
  const session = rosaSession(flags, env)
  try {
    await refuseOperatorPrefixInUse(clusterServiceOf(flags, env), flags.prefix)
    const deletedRoles: string[] = []
    const deletedPolicies: string[] = []
    for (const role of await listRolesNamed(session.clients, `${flags.prefix}-openshift-`)) {
      const name = role.RoleName ?? ''
      if ((await roleTags(session.clients, name)).operator_namespace === undefined) continue
      const detached = await deleteRole(session.clients, name, log)
      if (detached === false) continue
      deletedRoles.push(name)
      for (const arn of detached)
        if (await deleteManagedPolicy(session.clients, arn, log)) deletedPolicies.push(arn)
    }
    return { deletedRoles, deletedPolicies }
  } finally {
    session.destroy()
  }
}

/** Registers `create operator-roles` and `delete operator-roles`. */
export function registerRosaOperatorRoles(groups: RosaCommandGroups): void {
  const create: Command = groups.create
    .command('operator-roles')
    .description('create one role per cluster operator, trusted through the OIDC provider')
    .requiredOption('--prefix <prefix>', 'operator role name prefix')
    .requiredOption('--oidc-config-id <id>', 'the id `create oidc-config` printed')
    .option(
      '--installer-role-arn <arn>',
      'the Installer role (its prefix names the policies); ManagedOpenShift by default',
    )
    .option('--version <x.y>', 'OpenShift minor version of the policy set', '4.22')
  withRosaFlags(create).action((flags: CreateOperatorRolesFlags) =>
    runRosaAction(
      'create operator-roles',
      flags,
      (log) => runCreateOperatorRoles(flags, log),
      (r) => [`created or reconciled ${r.length} operator roles`],
    ),
  )
  withRosaFlags(
    groups.delete
      .command('operator-roles')
      .description('delete the operator roles of a prefix and their unused policies')
      .requiredOption('--prefix <prefix>', 'operator role name prefix'),
  ).action((flags: DeleteOperatorRolesFlags) =>
    runRosaAction(
      'delete operator-roles',
      flags,
      (log) => runDeleteOperatorRoles(flags, log),
      (r) => [`deleted ${r.deletedRoles.length} roles and ${r.deletedPolicies.length} policies`],
    ),
  )
}
