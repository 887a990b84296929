import { PassThrough } from 'node:stream'
import { IAMClient } from '@aws-sdk/client-iam'
import {
  ClusterApi,
  type ClusterDocument,
  type ClusterOperatorInfo,
  DEFAULT_PROVIDER_ACCOUNT,
  ensureProviderRoles,
  type RosaLog,
  reconcileClusterOperators,
  recordCluster,
  runInstaller,
  runUninstaller,
  validateAccountRoles,
} from '../../rosa/index.js'
import { accountProfile, runCreateAccount } from './accounts.js'
import { lanyardClientConfig } from './client-config.js'
import { type RosaFlags, runRosaAction, withRosaFlags } from './rosa-common.js'
import type { RosaCommandGroups } from './rosa-groups.js'
import { initProviderPlatform, providerAdminConfig, providerConfig } from './rosa-provider.js'

export { providerAdminConfig, providerConfig }

/** The OpenShift y-stream whose policies Lanyard ships (data/rosa/4.22). */
const DEFAULT_VERSION = '4.22'

/** Flags naming the provider account. */
export interface ProviderFlags extends RosaFlags {
  readonly providerAccount?: string
}

/** The flags of `lanyard rosa create cluster`. */
export interface CreateClusterFlags extends ProviderFlags {
  readonly clusterName: string
  readonly sts?: boolean
  readonly mode?: string
  readonly multiAz?: boolean
  readonly computeNodes?: string
  readonly oidcConfigId?: string
  readonly rolePrefix: string
  readonly operatorRolesPrefix?: string
  readonly version: string
  /** False with --no-install: record the cluster, do not run the installer. */
  readonly install?: boolean
  /** False with --no-operators: do not run the operators' first reconcile after the install. */
  readonly operators?: boolean
}

/** The flags of the commands that name a cluster. */
export interface ClusterFlags extends RosaFlags {
  readonly cluster: string
  readonly watch?: boolean
}

/** The provider account of a command: --provider-account or the default. */
export const providerOf = (flags: ProviderFlags): string => flags.providerAccount ?? DEFAULT_PROVIDER_ACCOUNT

/** The customer's cluster-service client (the `lanyard env` credentials chain). */
function customerApi(flags: RosaFlags, env: NodeJS.ProcessEnv): ClusterApi {
  const config = lanyardClientConfig(flags, env)
  return new ClusterApi({ endpoint: config.endpoint, region: config.region, credentials: config.credentials })
}

/**
 * Runs `lanyard rosa init`: the provider account (profile `lanyard-<id>`) and, as its admin through IAM, the roles
 * RH-Managed-OpenShift-Installer and RH-Technical-Support-Access, and the platform identity the provider's services
 * start from (RH-Managed-OpenShift-Platform on web identity). Idempotent.
 */
export async function runRosaInit(flags: ProviderFlags, log: RosaLog, env: NodeJS.ProcessEnv = process.env) {
  const account = providerOf(flags)
  try {
    await runCreateAccount(
      Object.assign({}, flags, { id: account, name: 'managed-service-provider' }),
      new PassThrough(),
      env,
    )
    log(`created provider account ${account} (profile ${accountProfile(account)})`)
  } catch (error) {
    if ((error as Error).name !== 'DuplicateAccountException') throw error
    log(`provider account ${account} exists (profile ${accountProfile(account)})`)
  }
  const iam = new IAMClient(providerAdminConfig(flags, account, env))
  try {
    const roles = await ensureProviderRoles(iam, account, log)
    const platform = await initProviderPlatform(flags, account, env, log)
    return { account, profile: accountProfile(account), roles, platform }
  } finally {
    iam.destroy()
  }
}

/**
 * Runs `lanyard rosa create cluster --sts`: validates the account roles through IAM, records the cluster through
 * the cluster service, then runs the installer as the provider (a rerun with the same name resumes it).
 */
export async function runCreateCluster(
  flags: CreateClusterFlags,
  log: RosaLog,
  env: NodeJS.ProcessEnv = process.env,
): Promise<ClusterDocument> {
  if (flags.sts === false) throw new Error('only STS clusters are supported: pass --sts')
  if (flags.mode !== undefined && flags.mode !== 'auto')
    throw new Error(`--mode ${flags.mode} is not supported; Lanyard installs with --mode auto`)
  const config = lanyardClientConfig(flags, env)
  const iam = new IAMClient(lanyardClientConfig(flags, env, 'IAM'))
  let roles: Awaited<ReturnType<typeof validateAccountRoles>>
  try {
    roles = await validateAccountRoles(iam, flags.rolePrefix, flags.version)
  } finally {
    iam.destroy()
  }
  log(`account roles of prefix ${flags.rolePrefix} are valid for OpenShift ${flags.version}`)
  const computeNodes = flags.computeNodes === undefined ? undefined : Number(flags.computeNodes)
  if (computeNodes !== undefined && !(Number.isInteger(computeNodes) && computeNodes >= 2))
    throw new Error('--compute-nodes must be an integer of at least 2')
  const cluster = await recordCluster(
    customerApi(flags, env),
    {
      name: flags.clusterName,
      prefix: flags.rolePrefix,
      version: flags.version,
      multiAz: flags.multiAz === true,
      region: config.region,
      ...(computeNodes !== undefined ? { computeNodes } : {}),
      ...(flags.oidcConfigId ? { oidcConfigId: flags.oidcConfigId } : {}),
      ...(flags.operatorRolesPrefix ? { operatorRolePrefix: flags.operatorRolesPrefix } : {}),
    },
    roles,
  )
  log(`cluster ${cluster.name} (id ${cluster.id}, infra id ${cluster.infra_id}) is ${cluster.state}`)
  if (flags.install === false || cluster.state === 'ready') return cluster
  const provider = providerConfig(flags, providerOf(flags), env)
  const host = {
    endpoint: config.endpoint,
    region: config.region,
    providerCredentials: provider.credentials,
    providerAccount: providerOf(flags),
    clusterId: cluster.id,
    echo: (line: string) => log(`  ${line}`),
  }
  const ready = await runInstaller(host)
  if (flags.operators === false) return ready
  if (ready.aws.sts.oidc_config === undefined || ready.aws.sts.operator_role_prefix === undefined) {
    log('operators not started: the cluster has no --oidc-config-id and --operator-roles-prefix')
    return ready
  }
  log('starting the cluster operators (one reconcile each)')
  for (const r of await reconcileClusterOperators(host))
    log(`  operator ${r.name}: ${r.condition} — ${r.reason}`)
  return customerApi(flags, env).getCluster(cluster.id)
}

/** The flags of `lanyard rosa delete cluster`. */
export interface DeleteClusterFlags extends ClusterFlags, ProviderFlags {}

/**
 * Runs `lanyard rosa delete cluster -c NAME`: asks the cluster service to uninstall, then runs the uninstaller as
 * the provider (the customer Installer role's session deletes everything tagged for the cluster).
 */
export async function runDeleteCluster(
  flags: DeleteClusterFlags,
  log: RosaLog,
  env: NodeJS.ProcessEnv = process.env,
) {
  const config = lanyardClientConfig(flags, env)
  const cluster = await customerApi(flags, env).deleteCluster(flags.cluster)
  log(`cluster ${cluster.name} (id ${cluster.id}) is ${cluster.state}`)
  await runUninstaller({
    endpoint: config.endpoint,
    region: config.region,
    providerCredentials: providerConfig(flags, providerOf(flags), env).credentials,
    providerAccount: providerOf(flags),
    clusterId: cluster.id,
    echo: (line) => log(`  ${line}`),
  })
  return { id: cluster.id, name: cluster.name, state: 'uninstalled' }
}

/** Runs `lanyard rosa describe cluster -c NAME`: the cluster and its operators' conditions. */
export async function runDescribeCluster(flags: ClusterFlags, env: NodeJS.ProcessEnv = process.env) {
  const api = customerApi(flags, env)
  const cluster = await api.getCluster(flags.cluster)
  // The cluster is parsed JSON: its keys are copied by a spread, never by Object.assign's setter calls.
  return Object.assign({ ...cluster }, { operators: await api.clusterOperators(cluster.id) })
}

/** Runs `lanyard rosa logs install -c NAME [--watch]`: prints the log, and with --watch follows it until ready or error. */
export async function runInstallLogs(
  flags: ClusterFlags,
  log: RosaLog,
  env: NodeJS.ProcessEnv = process.env,
) {
  const api = customerApi(flags, env)
  let offset = 0
  for (;;) {
    const page = await api.installLog(flags.cluster, offset)
    if (page.content !== '') for (const line of page.content.split('\n')) log(line)
    offset = page.next_offset
    if (!flags.watch || page.state === 'ready' || page.state === 'error')
      return { state: page.state, lines: offset }
    await new Promise((resolve) => setTimeout(resolve, 1000))
  }
}

/** The lines `describe cluster` prints (with the operators' conditions when they are known). */
function describeLines(c: ClusterDocument & { operators?: readonly ClusterOperatorInfo[] }): string[] {
  const operators = (c.operators ?? []).map((o) => `  ${o.name}: ${o.condition} (${o.reason})`)
  return [
    `Name:          ${c.name}`,
    `ID:            ${c.id}`,
    `Infra ID:      ${c.infra_id}`,
    `State:         ${c.state} (${c.status.description})`,
    `Region:        ${c.region.id}  Multi-AZ: ${c.multi_az}`,
    `API URL:       ${c.api.url}`,
    `Version:       ${c.version.id}`,
    `Compute nodes: ${c.nodes.compute}`,
    `Installer role: ${c.aws.sts.role_arn}`,
    `Created:       ${c.creation_timestamp}`,
    ...(operators.length > 0 ? ['Operators:', ...operators] : []),
  ]
}

/** Registers `rosa init`, `rosa create cluster`, `rosa delete cluster`, `rosa describe cluster`, `rosa list clusters` and `rosa logs install`. */
export function registerRosaCluster(groups: RosaCommandGroups): void {
  withRosaFlags(
    groups.rosa
      .command('init')
      .description(
        'create the managed-service provider account, its Installer and Support roles and its platform identity',
      ),
  )
    .option('--provider-account <id>', 'the provider account id', DEFAULT_PROVIDER_ACCOUNT)
    .action((flags: ProviderFlags) =>
      runRosaAction(
        'init',
        flags,
        (log) => runRosaInit(flags, log),
        (r) => [
          `provider roles: ${r.roles.join(', ')}`,
          `provider platform role (web identity): ${r.platform}`,
        ],
      ),
    )
  withRosaFlags(groups.create.command('cluster').description('create a classic STS cluster and install it'))
    .requiredOption('-c, --cluster-name <name>', 'the cluster name')
    .option('--sts', 'use STS (the only mode Lanyard supports)', true)
    .option('--mode <mode>', 'auto (the installer runs now)')
    .option('--multi-az', 'spread the cluster over three availability zones')
    .option('--compute-nodes <n>', 'worker nodes (2, or 3 with --multi-az, by default)')
    .option('--oidc-config-id <id>', 'the OIDC configuration of the operator roles')
    .option('--role-prefix <prefix>', 'the account roles prefix', 'ManagedOpenShift')
    .option('--operator-roles-prefix <prefix>', 'the operator roles prefix')
    .option('--version <x.y>', 'the OpenShift y-stream', DEFAULT_VERSION)
    .option('--provider-account <id>', 'the provider account id', DEFAULT_PROVIDER_ACCOUNT)
    .option('--no-install', 'record the cluster only')
    .option('--no-operators', 'install without running the operators afterwards')
    .action((flags: CreateClusterFlags) =>
      runRosaAction('create cluster', flags, (log) => runCreateCluster(flags, log), describeLines),
    )
  withRosaFlags(groups.describe.command('cluster').description('describe a cluster'))
    .requiredOption('-c, --cluster <name|id>', 'the cluster')
    .action((flags: ClusterFlags) =>
      runRosaAction('describe cluster', flags, () => runDescribeCluster(flags), describeLines),
    )
  withRosaFlags(
    groups.delete.command('cluster').description('uninstall a cluster and delete everything tagged for it'),
  )
    .requiredOption('-c, --cluster <name|id>', 'the cluster')
    .option('--provider-account <id>', 'the provider account id', DEFAULT_PROVIDER_ACCOUNT)
    .action((flags: DeleteClusterFlags) =>
      runRosaAction(
        'delete cluster',
        flags,
        (log) => runDeleteCluster(flags, log),
        (r) => [
          `cluster ${r.name} deleted; remove its operator roles and OIDC provider with 'lanyard rosa delete operator-roles' and 'lanyard rosa delete oidc-provider'`,
        ],
      ),
    )
  withRosaFlags(groups.list.command('clusters').description('list clusters')).action((flags: RosaFlags) =>
    runRosaAction(
      'list clusters',
      flags,
      () => customerApi(flags, process.env).listClusters(),
      (items) => ['NAME\tID\tSTATE', ...items.map((c) => `${c.name}\t${c.id}\t${c.state}`)],
    ),
  )
  const logs = groups.rosa.command('logs').description('show cluster logs')
  withRosaFlags(logs.command('install').description('show the install log of a cluster'))
    .requiredOption('-c, --cluster <name|id>', 'the cluster')
    .option('-w, --watch', 'follow the log until the cluster is ready or in error')
    .action((flags: ClusterFlags) =>
      runRosaAction('logs install', flags, (log) => runInstallLogs(flags, log)),
    )
}
