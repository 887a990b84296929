import {
  ClusterApi,
  type ClusterOperatorInfo,
  DEFAULT_PROVIDER_ACCOUNT,
  type OperatorHostOptions,
  type OperatorResult,
  openClusterOperators,
  type ProvisionedVolume,
  type RosaLog,
  reconcileClusterOperators,
} from '../../rosa/index.js'
import { lanyardClientConfig } from './client-config.js'
import { type ClusterFlags, type ProviderFlags, providerConfig, providerOf } from './rosa-cluster.js'
import { runRosaAction, withRosaFlags } from './rosa-common.js'
import type { RosaCommandGroups } from './rosa-groups.js'

/** The flags of `lanyard rosa scale`. */
export interface ScaleFlags extends ClusterFlags, ProviderFlags {
  readonly computeNodes: string
}

/** The flags of `lanyard rosa create volume`. */
export interface CreateVolumeFlags extends ClusterFlags, ProviderFlags {
  readonly size: string
}

/** The flags of `lanyard rosa run operators`. */
export interface RunOperatorsFlags extends ClusterFlags, ProviderFlags {
  readonly interval?: string
}

/** The customer's cluster-service client (the `lanyard env` credentials chain). */
function customerApi(flags: ClusterFlags, env: NodeJS.ProcessEnv): ClusterApi {
  const config = lanyardClientConfig(flags, env)
  return new ClusterApi({ endpoint: config.endpoint, region: config.region, credentials: config.credentials })
}

/** The operator host settings of a command: the server, the provider admin's profile, the cluster. */
function hostOptions(
  flags: ProviderFlags,
  clusterId: string,
  log: RosaLog,
  env: NodeJS.ProcessEnv,
): OperatorHostOptions {
  const config = lanyardClientConfig(flags, env)
  return {
    endpoint: config.endpoint,
    region: config.region,
    providerCredentials: providerConfig(flags, providerOf(flags), env).credentials,
    providerAccount: providerOf(flags),
    clusterId,
    echo: (line) => log(`  ${line}`),
  }
}

const resultLine = (r: OperatorResult): string => `operator ${r.name}: ${r.condition} — ${r.reason}`

/**
 * Runs `lanyard rosa scale -c NAME --compute-nodes N`: the customer sets the desired count through the cluster
 * service (PATCH /clusters/{id}), then the cluster's machine-api operator reconciles the workers to it.
 */
export async function runScale(flags: ScaleFlags, log: RosaLog, env: NodeJS.ProcessEnv = process.env) {
  const compute = Number(flags.computeNodes)
  if (!Number.isInteger(compute)) throw new Error('--compute-nodes must be an integer')
  const cluster = await customerApi(flags, env).updateCluster(flags.cluster, { nodes: { compute } })
  log(`cluster ${cluster.name}: desired compute nodes ${cluster.nodes.compute}`)
  const [result] = await reconcileClusterOperators(hostOptions(flags, cluster.id, log, env), ['machine-api'])
  log(resultLine(result!))
  return { cluster: cluster.name, computeNodes: cluster.nodes.compute, machineApi: result! }
}

/**
 * Runs `lanyard rosa create volume -c NAME --size GiB`: the cluster's EBS CSI operator creates a gp3 volume and
 * attaches it to a running worker (what a PersistentVolumeClaim does in the cluster).
 */
export async function runCreateVolume(
  flags: CreateVolumeFlags,
  log: RosaLog,
  env: NodeJS.ProcessEnv = process.env,
): Promise<ProvisionedVolume> {
  const size = Number(flags.size)
  // AWS: gp3 volumes are 1 to 16,384 GiB.
  if (!(Number.isInteger(size) && size >= 1 && size <= 16_384))
    throw new Error('--size must be an integer number of GiB from 1 to 16384')
  const cluster = await customerApi(flags, env).getCluster(flags.cluster)
  const operators = await openClusterOperators(hostOptions(flags, cluster.id, log, env))
  try {
    return await operators.provisionVolume(size)
  } finally {
    await operators.stop()
  }
}

/**
 * Runs `lanyard rosa run operators -c NAME`: the cluster's operators reconcile every `--interval` seconds, with
 * their web-identity sessions renewed before they expire, until SIGINT or SIGTERM.
 */
export async function runOperators(
  flags: RunOperatorsFlags,
  log: RosaLog,
  env: NodeJS.ProcessEnv = process.env,
) {
  const interval = Number(flags.interval ?? '30')
  if (!(interval >= 1)) throw new Error('--interval must be at least 1 second')
  const cluster = await customerApi(flags, env).getCluster(flags.cluster)
  const operators = await openClusterOperators(hostOptions(flags, cluster.id, log, env))
  log(`operators of ${cluster.name} running every ${interval} s; Ctrl-C stops them`)
  operators.start(interval * 1000)
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve)
    process.once('SIGTERM', resolve)
  })
  await operators.stop()
  return { cluster: cluster.name, sessions: operators.sessions() }
}

/** Reads the operators' conditions as the customer (GET …/metric_queries/cluster_operators). */
export function clusterOperatorInfo(
  flags: ClusterFlags,
  env: NodeJS.ProcessEnv = process.env,
): Promise<readonly ClusterOperatorInfo[]> {
  return customerApi(flags, env).clusterOperators(flags.cluster)
}

/** Registers `rosa scale`, `rosa create volume`, `rosa run operators` and `rosa describe operators`. */
export function registerRosaOperators(groups: RosaCommandGroups): void {
  const provider = (command: ReturnType<typeof withRosaFlags>) =>
    command
      .requiredOption('-c, --cluster <name|id>', 'the cluster')
      .option('--provider-account <id>', 'the provider account id', DEFAULT_PROVIDER_ACCOUNT)
  provider(
    withRosaFlags(groups.rosa.command('scale').description('set the number of compute nodes of a cluster')),
  )
    .requiredOption('--compute-nodes <n>', 'the desired number of worker nodes')
    .action((flags: ScaleFlags) => runRosaAction('scale', flags, (log) => runScale(flags, log)))
  provider(
    withRosaFlags(
      groups.create.command('volume').description('have the EBS CSI operator create and attach a volume'),
    ),
  )
    .requiredOption('--size <GiB>', 'the volume size in GiB')
    .action((flags: CreateVolumeFlags) =>
      runRosaAction(
        'create volume',
        flags,
        (log) => runCreateVolume(flags, log),
        (v) => [`volume ${v.volumeId} (${v.sizeGiB} GiB) attached to ${v.instanceId} at ${v.device}`],
      ),
    )
  const run = groups.rosa.command('run').description('run cluster components in the foreground')
  provider(withRosaFlags(run.command('operators').description("run a cluster's operators until stopped")))
    .option('--interval <seconds>', 'seconds between reconciles', '30')
    .action((flags: RunOperatorsFlags) =>
      runRosaAction('run operators', flags, (log) => runOperators(flags, log)),
    )
  withRosaFlags(groups.describe.command('operators').description("show a cluster's operator conditions"))
    .requiredOption('-c, --cluster <name|id>', 'the cluster')
    .action((flags: ClusterFlags) =>
      runRosaAction(
        'describe operators',
        flags,
        () => clusterOperatorInfo(flags),
        (items) => [
          'NAME\tCONDITION\tTIME\tREASON',
          ...items.map((o) => `${o.name}\t${o.condition}\t${o.time ?? ''}\t${o.reason}`),
        ],
      ),
    )
}
