import type { AwsCredentialIdentity } from '@smithy/types'
import { ClusterApi, type ClusterDocument } from '../cluster-api.js'
import { type ProviderClusterOptions, providerInstallerRoleArn } from '../cluster-provider.js'
import { assumeRole } from '../sts-credentials.js'
import { bootstrapBucketStep, bootstrapStateStep, bootstrapTeardownStep } from './bootstrap-step.js'
import { destroyClients, installClients } from './clients.js'
import { controlPlaneStep } from './control-plane-step.js'
import { apiRecordsStep, hostedZoneStep } from './dns-step.js'
import type { InstallContext, InstallStep } from './install-context.js'
import { instanceProfilesStep } from './instance-profiles-step.js'
import { loadBalancersStep } from './load-balancers-step.js'
import { networkStep } from './network-step.js'
import { securityGroupsStep } from './security-groups-step.js'
import { UNINSTALL_STEPS } from './uninstall-steps.js'

/** The installation steps, in order; each is idempotent, so a rerun resumes where the last run stopped. */
export const INSTALL_STEPS: readonly InstallStep[] = [
  networkStep,
  securityGroupsStep,
  hostedZoneStep,
  loadBalancersStep,
  apiRecordsStep,
  bootstrapStateStep,
  bootstrapBucketStep,
  instanceProfilesStep,
  controlPlaneStep,
  bootstrapTeardownStep,
]

/** What the installer needs: where the server is, the provider's credentials and the cluster. */
export interface InstallerOptions extends ProviderClusterOptions {
  /** How long to keep retrying while the server is unreachable (a restart); 60 s by default. */
  readonly unreachableForMs?: number
}

/** An error that means the server was not reachable (a restart), not that the call was refused. */
export function isUnreachable(error: unknown): boolean {
  const e = error as {
    code?: string
    cause?: { code?: string }
    message?: string
    $metadata?: { httpStatusCode?: number }
  }
  const code = e?.code ?? e?.cause?.code
  if (code !== undefined && ['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET'].includes(code))
    return true
  if ((e?.$metadata?.httpStatusCode ?? 0) >= 500) return true
  return /ECONNREFUSED|ECONNRESET|socket hang up|fetch failed|EPIPE/.test(e?.message ?? '')
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

/** Retries `work` while the server is unreachable, up to `forMs`. */
async function whileUnreachable<T>(forMs: number, work: () => Promise<T>, waiting: () => void): Promise<T> {
  const deadline = Date.now() + forMs
  for (;;) {
    try {
      return await work()
    } catch (error) {
      if (!isUnreachable(error) || Date.now() > deadline) throw error
      waiting()
      await sleep(500)
    }
  }
}

/** The provider's view of one cluster: the cluster, the cluster service as the provider role, the customer session. */
interface ProviderSession {
  readonly api: ClusterApi
  readonly cluster: ClusterDocument
  readonly retry: <T>(work: () => Promise<T>) => Promise<T>
  readonly echo: (line: string) => void
  /** The provider installer role's temporary credentials. */
  readonly provider: AwsCredentialIdentity
  readonly providerRole: string
}

/** Assumes the provider's RH-Managed-OpenShift-Installer role and reads the cluster with it. */
async function providerSession(options: InstallerOptions): Promise<ProviderSession> {
  const { endpoint, region } = options
  const patience = options.unreachableForMs ?? 60_000
  const echo = options.echo ?? (() => {})
  let waitingSaid = false
  const waiting = (): void => {
    if (!waitingSaid) echo('the server is unreachable; retrying')
    waitingSaid = true
  }
  const retry = <T>(work: () => Promise<T>): Promise<T> =>
    whileUnreachable(patience, work, waiting).finally(() => {
      waitingSaid = false
    })
  const providerRole = providerInstallerRoleArn(options.providerAccount)
  const provider = await retry(() =>
    assumeRole(endpoint, region, options.providerCredentials, {
      RoleArn: providerRole,
      RoleSessionName: `installer-${options.clusterId}`.slice(0, 64),
    }),
  )
  const api = new ClusterApi({ endpoint, region, credentials: provider })
  const cluster = await retry(() => api.getCluster(options.clusterId))
  return { api, cluster, retry, echo, provider, providerRole }
}

/**
 * Runs `steps` for the cluster with the customer Installer role's temporary credentials (assumed through STS
 * with the cluster's ExternalId), reporting each line to the cluster's log; a failing step sets state `error`.
 */
async function runSteps(
  options: InstallerOptions,
  session: ProviderSession,
  steps: readonly InstallStep[],
): Promise<void> {
  const { api, cluster, retry, echo } = session
  const report = async (line: string): Promise<void> => {
    echo(line)
    await retry(() => api.updateStatus(cluster.id, { log: [line] }))
  }
  const sts = cluster.aws.sts
  let customer: AwsCredentialIdentity
  try {
    customer = await retry(() =>
      assumeRole(options.endpoint, options.region, session.provider, {
        RoleArn: sts.role_arn,
        RoleSessionName: `OCM-installer-${cluster.infra_id}`.slice(0, 64),
        ...(sts.external_id ? { ExternalId: sts.external_id } : {}),
      }),
    )
  } catch (error) {
    await fail(api, cluster.id, `assuming ${sts.role_arn}`, error, retry)
    throw error
  }
  await report(
    `assumed ${sts.role_arn} as ${session.providerRole} (temporary credentials ${customer.accessKeyId})`,
  )
  const clients = installClients(options.endpoint, options.region, customer)
  const ctx: InstallContext = { cluster, region: options.region, clients, state: {}, log: report }
  try {
    for (const step of steps) {
      await report(`step: ${step.name}`)
      try {
        await retry(() => step.run(ctx))
      } catch (error) {
        await fail(api, cluster.id, `step ${step.name}`, error, retry)
        throw error
      }
    }
  } finally {
    destroyClients(clients)
  }
}

/**
 * Installs one cluster: as the provider's RH-Managed-OpenShift-Installer role it reads the cluster, assumes the
 * customer's Installer role through STS (with the cluster's ExternalId), runs every step with those temporary
 * credentials only and reports each line and the state to the cluster service. Answers the final cluster.
 */
export async function runInstaller(options: InstallerOptions): Promise<ClusterDocument> {
  const session = await providerSession(options)
  const { api, cluster, retry, echo } = session
  if (cluster.state === 'ready') return cluster
  if (cluster.state === 'uninstalling') throw new Error(`cluster ${cluster.name} is uninstalling`)
  await retry(() =>
    api.updateStatus(cluster.id, { state: 'installing', description: 'Installing the cluster' }),
  )
  await runSteps(options, session, INSTALL_STEPS)
  await retry(() =>
    api.updateStatus(cluster.id, {
      state: 'ready',
      description: 'Cluster is ready',
      log: ['install complete'],
    }),
  )
  echo('install complete')
  return retry(() => api.getCluster(cluster.id))
}

/**
 * Uninstalls a cluster in state `uninstalling` the same way: the customer Installer role's session deletes
 * everything tagged for the cluster, then the cluster is reported `uninstalled` (and leaves the service).
 */
export async function runUninstaller(options: InstallerOptions): Promise<void> {
  const session = await providerSession(options)
  const { api, cluster, retry, echo } = session
  if (cluster.state !== 'uninstalling')
    throw new Error(`cluster ${cluster.name} is ${cluster.state}, not uninstalling`)
  await runSteps(options, session, UNINSTALL_STEPS)
  await retry(() => api.updateStatus(cluster.id, { state: 'uninstalled', log: ['uninstall complete'] }))
  echo('uninstall complete')
}

async function fail(
  api: ClusterApi,
  id: string,
  what: string,
  error: unknown,
  retry: <T>(work: () => Promise<T>) => Promise<T>,
): Promise<void> {
  const e = error as Error
  const line = `${what} failed: ${e.name}: ${e.message}`
  await retry(() => api.updateStatus(id, { state: 'error', description: line, log: [line] })).catch(() => {})
}
