import type { Command } from 'commander'
import {
  createManagedOidcConfig,
  createOidcConfig,
  createOidcProvider,
  type DescribedOidcConfig,
  deleteOidcConfig,
  deleteOidcProvider,
  describeOidcConfig,
  getCaller,
  isManagedOidcConfigId,
  issuerOfConfig,
  loadRosaDataSet,
  type ManagedOidcConfig,
  type OidcConfig,
  oidcBucketName,
  oidcLabel,
  type RosaLog,
  refuseOidcConfigInUse,
} from '../../rosa/index.js'
import { clusterServiceOf } from './rosa-cluster-service.js'
import { type RosaFlags, rosaSession, runRosaAction, withRosaFlags } from './rosa-common.js'
import type { RosaCommandGroups } from './rosa-groups.js'

/** The flags of `lanyard rosa create oidc-config`. */
export interface CreateOidcConfigFlags extends RosaFlags {
  readonly managed: string
  readonly prefix?: string
  readonly version: string
}

/** Runs `lanyard rosa create oidc-config`: managed (the default) or `--managed=false`. */
export async function runCreateAnyOidcConfig(
  flags: CreateOidcConfigFlags,
  log: RosaLog,
  env: NodeJS.ProcessEnv = process.env,
): Promise<OidcConfig | ManagedOidcConfig> {
  if (flags.managed === 'true') return runCreateManagedOidcConfig(flags, log, env)
  return runCreateOidcConfig(flags, log, env)
}

/**
 * Runs `lanyard rosa create oidc-config --managed=true`: the cluster service generates and keeps the key and serves
 * the issuer; nothing is created in the customer's account.
 */
export async function runCreateManagedOidcConfig(
  flags: CreateOidcConfigFlags,
  log: RosaLog,
  env: NodeJS.ProcessEnv = process.env,
): Promise<ManagedOidcConfig> {
  if (flags.prefix !== undefined)
    throw new Error('--prefix names the bucket of an unmanaged configuration: add --managed=false or drop it')
  return createManagedOidcConfig(clusterServiceOf(flags, env), log)
}

/** Runs `lanyard rosa create oidc-config --managed=false`; returns the configuration (its id is the bucket name). */
export async function runCreateOidcConfig(
  flags: CreateOidcConfigFlags,
  log: RosaLog,
  env: NodeJS.ProcessEnv = process.env,
): Promise<OidcConfig> {
  if (flags.managed !== 'false') throw new Error(`--managed must be true or false, not '${flags.managed}'`)
  const data = await loadRosaDataSet(flags.version)
  const session = rosaSession(flags, env)
  try {
    const caller = await getCaller(session.clients)
    const bucket = oidcBucketName(flags.prefix, oidcLabel())
    return await createOidcConfig(
      session.clients,
      data,
      caller,
      { bucket, endpoint: session.s3Endpoint, region: session.region },
      log,
    )
  } finally {
    session.destroy()
  }
}

/** The flags of the commands that name an OIDC configuration. */
export interface OidcConfigIdFlags extends RosaFlags {
  readonly oidcConfigId: string
}

/** Runs `lanyard rosa create oidc-provider --oidc-config-id ID`. */
export async function runCreateOidcProvider(
  flags: OidcConfigIdFlags,
  log: RosaLog,
  env: NodeJS.ProcessEnv = process.env,
): Promise<{ arn: string; created: boolean; issuerUrl: string }> {
  const session = rosaSession(flags, env)
  try {
    const caller = await getCaller(session.clients)
    const issuerUrl = await issuerOfConfig(session.clients, flags.oidcConfigId)
    const provider = await createOidcProvider(session.clients, caller, issuerUrl, log)
    return Object.assign({}, provider, { issuerUrl })
  } finally {
    session.destroy()
  }
}

/** Runs `lanyard rosa delete oidc-provider --oidc-config-id ID`; refused while a cluster uses the configuration. */
export async function runDeleteOidcProvider(
  flags: OidcConfigIdFlags,
  log: RosaLog,
  env: NodeJS.ProcessEnv = process.env,
): Promise<{ deleted: boolean }> {
  const session = rosaSession(flags, env)
  try {
    const caller = await getCaller(session.clients)
    const issuerUrl = await issuerOfConfig(session.clients, flags.oidcConfigId)
    await refuseOidcConfigInUse(clusterServiceOf(flags, env), flags.oidcConfigId)
    const deleted = await deleteOidcProvider(session.clients, caller, issuerUrl, log)
    if (!deleted) log(`no OIDC provider for ${issuerUrl}`)
    return { deleted }
  } finally {
    session.destroy()
  }
}

/**
 * Runs `lanyard rosa delete oidc-config --oidc-config-id ID`, refused while a cluster uses it: an unmanaged
 * configuration's secret, objects and bucket; a managed one at the cluster service, which deletes its key.
 */
export async function runDeleteOidcConfig(
  flags: OidcConfigIdFlags,
  log: RosaLog,
  env: NodeJS.ProcessEnv = process.env,
): Promise<{ deleted: string }> {
  const session = rosaSession(flags, env)
  try {
    await issuerOfConfig(session.clients, flags.oidcConfigId)
    const api = clusterServiceOf(flags, env)
    await refuseOidcConfigInUse(api, flags.oidcConfigId)
    if (isManagedOidcConfigId(flags.oidcConfigId)) {
      await api.deleteOidcConfig(flags.oidcConfigId)
      log(`deleted managed OIDC configuration ${flags.oidcConfigId} and its key at the cluster service`)
    } else await deleteOidcConfig(session.clients, flags.oidcConfigId, log)
    return { deleted: flags.oidcConfigId }
  } finally {
    session.destroy()
  }
}

/** Runs `lanyard rosa describe oidc-config --oidc-config-id ID`. */
export async function runDescribeOidcConfig(
  flags: OidcConfigIdFlags,
  env: NodeJS.ProcessEnv = process.env,
): Promise<DescribedOidcConfig> {
  const session = rosaSession(flags, env)
  try {
    return await describeOidcConfig(session.clients, flags.oidcConfigId)
  } finally {
    session.destroy()
  }
}

/** Adds the required `--oidc-config-id`. */
function withConfigId(command: Command): Command {
  return withRosaFlags(command.requiredOption('--oidc-config-id <id>', 'the id `create oidc-config` printed'))
}

/** Registers `create|delete oidc-config` and `create|delete oidc-provider`. */
export function registerRosaOidc(groups: RosaCommandGroups): void {
  withRosaFlags(
    groups.create
      .command('oidc-config')
      .description(
        'create an OIDC issuer: kept by the provider (managed), or key pair, discovery document and keys.json in a public-read bucket',
      )
      .option(
        '--managed <bool>',
        'true: the cluster service keeps the key and serves the issuer; false: bucket and secret in this account',
        'true',
      )
      .option('--prefix <prefix>', 'bucket name prefix (at most 15 characters)')
      .option('--version <x.y>', 'OpenShift minor version of the document set', '4.22'),
  ).action((flags: CreateOidcConfigFlags) =>
    runRosaAction(
      'create oidc-config',
      flags,
      (log) => runCreateAnyOidcConfig(flags, log),
      (c) => [
        `OIDC config id: ${c.id}`,
        `issuer URL: ${c.issuerUrl}`,
        `next: lanyard rosa create oidc-provider --oidc-config-id ${c.id}`,
      ],
    ),
  )
  withConfigId(
    groups.create
      .command('oidc-provider')
      .description('create the IAM OIDC provider of an OIDC configuration'),
  ).action((flags: OidcConfigIdFlags) =>
    runRosaAction(
      'create oidc-provider',
      flags,
      (log) => runCreateOidcProvider(flags, log),
      (p) => [`OIDC provider: ${p.arn}`],
    ),
  )
  withConfigId(
    groups.delete
      .command('oidc-provider')
      .description('delete the IAM OIDC provider of an OIDC configuration'),
  ).action((flags: OidcConfigIdFlags) =>
    runRosaAction('delete oidc-provider', flags, (log) => runDeleteOidcProvider(flags, log)),
  )
  withConfigId(
    groups.delete
      .command('oidc-config')
      .description('delete an OIDC configuration: private-key secret, documents, bucket'),
  ).action((flags: OidcConfigIdFlags) =>
    runRosaAction('delete oidc-config', flags, (log) => runDeleteOidcConfig(flags, log)),
  )
}
