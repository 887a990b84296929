import {
  type AccountRoleResult,
  accountRoleName,
  checkPath,
  checkPrefix,
  createAccountRoles,
  deleteManagedPolicy,
  deleteRole,
  findRole,
  getCaller,
  loadRosaDataSet,
  planAccountRoles,
  RED_HAT_PROVIDER_ACCOUNT,
  type RosaLog,
  refuseAccountRolesInUse,
  refuseInstanceProfiles,
  roleInstanceProfiles,
  upgradeAccountRoles,
  writeManualAccountRoles,
} from '../../rosa/index.js'
import { clusterServiceOf } from './rosa-cluster-service.js'
import { type RosaFlags, rosaSession, runRosaAction, withRosaFlags } from './rosa-common.js'
import type { RosaCommandGroups } from './rosa-groups.js'

/** The flags of `lanyard rosa create account-roles`. */
export interface CreateAccountRolesFlags extends RosaFlags {
  readonly prefix: string
  readonly path: string
  readonly permissionsBoundary?: string
  readonly mode: string
  readonly version: string
  readonly externalId?: string
  readonly providerAccount: string
  /** Manual mode: where the JSON files go (the current directory by default). */
  readonly outputDir?: string
}

/** What `create account-roles` returns: the roles (auto mode) or the commands to run (manual mode). */
export interface CreateAccountRolesResult {
  readonly mode: 'auto' | 'manual'
  readonly roles: readonly AccountRoleResult[]
  readonly commands: readonly string[]
}

/** Runs `lanyard rosa create account-roles` (or, with `upgrade`, `upgrade account-roles`). */
export async function runCreateAccountRoles(
  flags: CreateAccountRolesFlags,
  log: RosaLog,
  env: NodeJS.ProcessEnv = process.env,
  upgrade = false,
): Promise<CreateAccountRolesResult> {
  if (flags.mode !== 'auto' && flags.mode !== 'manual')
    throw new Error(`--mode must be auto or manual, not '${flags.mode}'`)
  if (!/^\d{12}$/.test(flags.providerAccount))
    throw new Error('--provider-account must be a 12-digit account id')
  checkPrefix(flags.prefix)
  checkPath(flags.path)
  const data = await loadRosaDataSet(flags.version)
  const session = rosaSession(flags, env)
  try {
    const caller = await getCaller(session.clients)
    log(`account ${caller.account} (${caller.arn}); OpenShift ${data.version} policies`)
    const plans = await planAccountRoles(data, caller, {
      prefix: flags.prefix,
      path: flags.path,
      providerAccount: flags.providerAccount,
      ...(flags.permissionsBoundary ? { permissionsBoundary: flags.permissionsBoundary } : {}),
      ...(flags.externalId ? { externalId: flags.externalId } : {}),
    })
    if (flags.mode === 'manual') {
      const commands = await writeManualAccountRoles(plans, flags.outputDir ?? process.cwd())
      log(`wrote ${plans.length * 2} policy files to ${flags.outputDir ?? process.cwd()}; run:`)
      for (const command of commands) log(command)
      return { mode: 'manual', roles: [], commands }
    }
    const roles = await (upgrade ? upgradeAccountRoles : createAccountRoles)(session.clients, plans, log)
    return { mode: 'auto', roles, commands: [] }
  } finally {
    session.destroy()
  }
}

/** The flags of `lanyard rosa delete account-roles`. */
export interface DeleteAccountRolesFlags extends RosaFlags {
  readonly prefix: string
  readonly version: string
}

/**
 * Runs `lanyard rosa delete account-roles`: refused while a cluster uses one of the roles or instance profiles hold
 * one (checked for all four before anything is deleted); then the roles, then their unattached red-hat-managed
 * policies.
 */
export async function runDeleteAccountRoles(
  flags: DeleteAccountRolesFlags,
  log: RosaLog,
  env: NodeJS.ProcessEnv = process.env,
): Promise<{ deletedRoles: string[]; deletedPolicies: string[] }> {
  const data = await loadRosaDataSet(flags.version)
  const session = rosaSession(flags, env)
  try {
    const existing: { name: string; arn: string }[] = []
    for (const spec of data.manifest.account_roles) {
      const name = accountRoleName(flags.prefix, spec.suffix)
      const role = await findRole(session.clients, name)
      if (role === undefined) log(`role ${name}: not found`)
      else existing.push({ name, arn: role.Arn ?? '' })
    }
    if (existing.length > 0) {
      await refuseAccountRolesInUse(
        clusterServiceOf(flags, env),
        existing.map((r) => r.arn),
      )
    }
    for (const { name } of existing) {
      const profiles = await roleInstanceProfiles(session.clients, name)
      if (profiles !== false) refuseInstanceProfiles(name, profiles)
    }
    const deletedRoles: string[] = []
    const deletedPolicies: string[] = []
    for (const { name } of existing) {
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

/** Registers `create account-roles` and `delete account-roles`. */
export function registerRosaAccountRoles(groups: RosaCommandGroups): void {
  withRosaFlags(
    groups.create
      .command('account-roles')
      .description('create the Installer, ControlPlane, Worker and Support roles with their policies')
      .option('--prefix <prefix>', 'role name prefix', 'ManagedOpenShift')
      .option('--path <path>', 'IAM path of the roles and policies', '/')
      .option('--permissions-boundary <arn>', 'permissions boundary of the roles')
      .option('--mode <mode>', 'auto (call IAM) or manual (write files, print aws commands)', 'auto')
      .option('--version <x.y>', 'OpenShift minor version of the policy set', '4.22')
      .option('--external-id <id>', 'sts:ExternalId the Installer and Support trust policies require')
      .option(
        '--provider-account <id>',
        "the provider's account its trust policies name",
        RED_HAT_PROVIDER_ACCOUNT,
      )
      .option('--output-dir <dir>', 'manual mode: where the policy files go (current directory)'),
  ).action((flags: CreateAccountRolesFlags) =>
    runRosaAction(
      'create account-roles',
      flags,
      (log) => runCreateAccountRoles(flags, log),
      (r) => (r.mode === 'auto' ? [`created or reconciled ${r.roles.length} account roles`] : []),
    ),
  )
  withRosaFlags(
    groups.upgrade
      .command('account-roles')
      .description(
        'bring the account roles to a policy set: inline policies removed, new policy versions, tags',
      )
      .option('--prefix <prefix>', 'role name prefix', 'ManagedOpenShift')
      .option('--path <path>', 'IAM path of the roles and policies', '/')
      .option('--version <x.y>', 'OpenShift minor version of the policy set', '4.22')
      .option(
        '--provider-account <id>',
        "the provider's account its trust policies name",
        RED_HAT_PROVIDER_ACCOUNT,
      ),
  ).action((flags: CreateAccountRolesFlags) =>
    runRosaAction(
      'upgrade account-roles',
      flags,
      (log) => runCreateAccountRoles(Object.assign({}, flags, { mode: 'auto' }), log, process.env, true),
      (r) => [`upgraded ${r.roles.length} account roles`],
    ),
  )
  withRosaFlags(
    groups.delete
      .command('account-roles')
      .description('delete the account roles of a prefix and their policies')
      .option('--prefix <prefix>', 'role name prefix', 'ManagedOpenShift')
      .option('--version <x.y>', 'OpenShift minor version of the policy set', '4.22'),
  ).action((flags: DeleteAccountRolesFlags) =>
    runRosaAction(
      'delete account-roles',
      flags,
      (log) => runDeleteAccountRoles(flags, log),
      (r) => [`deleted ${r.deletedRoles.length} roles and ${r.deletedPolicies.length} policies`],
    ),
  )
}
