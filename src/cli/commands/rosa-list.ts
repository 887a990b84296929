import {
  type ListedAccountRole,
  type ListedOidcConfig,
  type ListedOperatorRole,
  listAccountRoles,
  listOidcConfigs,
  listOidcProviders,
  listOperatorRoles,
} from '../../rosa/index.js'
import { type RosaFlags, rosaSession, runRosaAction, withRosaFlags } from './rosa-common.js'
import type { RosaCommandGroups } from './rosa-groups.js'

/** The flags of the list commands. */
export interface RosaListFlags extends RosaFlags {
  readonly prefix?: string
}

/** Runs `lanyard rosa list account-roles`. */
export async function runListAccountRoles(
  flags: RosaListFlags,
  env: NodeJS.ProcessEnv = process.env,
): Promise<ListedAccountRole[]> {
  const session = rosaSession(flags, env)
  try {
    return await listAccountRoles(session.clients, flags.prefix)
  } finally {
    session.destroy()
  }
}

/** Runs `lanyard rosa list operator-roles`. */
export async function runListOperatorRoles(
  flags: RosaListFlags,
  env: NodeJS.ProcessEnv = process.env,
): Promise<ListedOperatorRole[]> {
  const session = rosaSession(flags, env)
  try {
    return await listOperatorRoles(session.clients, flags.prefix)
  } finally {
    session.destroy()
  }
}

/** Runs `lanyard rosa list oidc-providers`. */
export async function runListOidcProviders(
  flags: RosaFlags,
  env: NodeJS.ProcessEnv = process.env,
): Promise<string[]> {
  const session = rosaSession(flags, env)
  try {
    return await listOidcProviders(session.clients)
  } finally {
    session.destroy()
  }
}

/** Runs `lanyard rosa list oidc-config`. */
export async function runListOidcConfigs(
  flags: RosaFlags,
  env: NodeJS.ProcessEnv = process.env,
): Promise<ListedOidcConfig[]> {
  const session = rosaSession(flags, env)
  try {
    return await listOidcConfigs(session.clients)
  } finally {
    session.destroy()
  }
}

/** Registers `list account-roles`, `list operator-roles`, `list oidc-config` and `list oidc-providers`. */
export function registerRosaList(groups: RosaCommandGroups): void {
  withRosaFlags(
    groups.list
      .command('account-roles')
      .description('list the account roles (tagged rosa_role_type)')
      .option('--prefix <prefix>', 'only roles whose name starts with it'),
  ).action((flags: RosaListFlags) =>
    runRosaAction(
      'list account-roles',
      flags,
      () => runListAccountRoles(flags),
      (roles) => roles.map((r) => `${r.type}\t${r.name}\t${r.arn}\t${r.version}`),
    ),
  )
  withRosaFlags(
    groups.list
      .command('operator-roles')
      .description('list the operator roles (tagged operator_namespace)')
      .option('--prefix <prefix>', 'only roles whose name starts with it'),
  ).action((flags: RosaListFlags) =>
    runRosaAction(
      'list operator-roles',
      flags,
      () => runListOperatorRoles(flags),
      (roles) => roles.map((r) => `${r.namespace}/${r.secret}\t${r.name}\t${r.arn}`),
    ),
  )
  withRosaFlags(
    groups.list.command('oidc-providers').description('list the OIDC providers tagged red-hat-managed'),
  ).action((flags: RosaFlags) =>
    runRosaAction(
      'list oidc-providers',
      flags,
      () => runListOidcProviders(flags),
      (arns) => arns,
    ),
  )
  withRosaFlags(
    groups.list
      .command('oidc-config')
      .description('list the OIDC configurations (buckets tagged red-hat-managed)'),
  ).action((flags: RosaFlags) =>
    runRosaAction(
      'list oidc-config',
      flags,
      () => runListOidcConfigs(flags),
      (configs) => configs.map((c) => `${c.id}\t${c.issuerUrl}`),
    ),
  )
}
