import type { ClusterDocument, ClusterOperatorInfo } from '../cluster-api.js'
import { cloudCredentialOperator } from './cloud-credential.js'
import { ebsCsiOperator, type ProvisionedVolume, provisionVolume } from './ebs-csi.js'
import { imageRegistryOperator } from './image-registry.js'
import { ingressOperator } from './ingress.js'
import { machineApiOperator } from './machine-api.js'
import type { ClusterOperator, OperatorContext } from './operator.js'
import { errorCode, isCredentialError, operatorClients } from './operator.js'
import {
  type HostedOperator,
  hostOperator,
  type OperatorHostOptions,
  openOperatorHost,
} from './operator-host.js'

/** The Day-2 operators Lanyard runs for a classic STS cluster, in reconcile order. */
export const CLUSTER_OPERATORS: readonly ClusterOperator[] = [
  cloudCredentialOperator,
  machineApiOperator,
  imageRegistryOperator,
  ingressOperator,
  ebsCsiOperator,
]

/** An operator's outcome of one reconcile: its condition and why. */
export type OperatorResult = Omit<ClusterOperatorInfo, 'time' | 'version'>

/** One operator's web-identity session so far: its role, how many times it assumed it, its current key. */
export interface OperatorSession {
  readonly name: string
  readonly roleArn: string
  readonly assumed: number
  readonly accessKeyId: string | undefined
}

/** The running operators of one cluster. */
export interface ClusterOperators {
  /** The cluster as last read (the desired compute count comes from here). */
  readonly cluster: ClusterDocument
  /** Reads the cluster again, then runs one reconcile of each operator (or of those named), reporting each. */
  reconcile(names?: readonly string[]): Promise<readonly OperatorResult[]>
  /** Has the EBS CSI operator provision a volume of `sizeGiB` and attach it to a running worker. */
  provisionVolume(sizeGiB: number): Promise<ProvisionedVolume>
  /** Reconciles every `intervalMs` (30 s by default) until `stop`. Errors are reported, never thrown. */
  start(intervalMs?: number): void
  /** Stops the loop and waits for a reconcile in flight. */
  stop(): Promise<void>
  /** Each operator's web-identity session. */
  sessions(): readonly OperatorSession[]
}

/**
 * Opens the operators of a ready cluster (see openOperatorHost for how the provider reaches the cluster's
 * signing key). Each operator works only with its own role's web-identity session; an AccessDenied or an expired
 * session is reported to the cluster's log and condition, and the operator retries once with new credentials.
 */
export async function openClusterOperators(options: OperatorHostOptions): Promise<ClusterOperators> {
  const host = await openOperatorHost(options)
  const hosted = CLUSTER_OPERATORS.map((operator) => hostOperator(host, options, operator))
  /** Writes log lines and, when given, an operator's condition to the cluster service (as the provider). */
  const report = async (lines: string[], result?: OperatorResult): Promise<void> => {
    for (const line of lines) host.echo(line)
    await host.api.updateStatus(
      host.cluster.id,
      Object.assign({}, lines.length > 0 ? { log: lines } : {}, result ? { operators: [result] } : {}),
    )
  }
  /** Runs `work` as operator `h` with clients over its current session (renewed first when it is due). */
  async function asOperator<T>(h: HostedOperator, work: (ctx: OperatorContext) => Promise<T>): Promise<T> {
    const clients = operatorClients(options.endpoint, options.region, await h.credentials.get())
    try {
      return await work({
        cluster: host.cluster,
        region: options.region,
        clients,
        log: (line) => report([`operator ${h.operator.name}: ${line}`]),
      })
    } finally {
      for (const client of Object.values(clients)) client.destroy()
    }
  }

  /** Runs `work` as operator `h`; a credential error is reported, the session replaced, and `work` run once more. */
  async function withRetry<T>(h: HostedOperator, work: (ctx: OperatorContext) => Promise<T>): Promise<T> {
    try {
      return await asOperator(h, work)
    } catch (error) {
      if (!isCredentialError(error)) throw error
      const line = `operator ${h.operator.name}: ${errorCode(error)}: ${(error as Error).message}; retrying with new credentials`
      await report([line], { name: h.operator.name, condition: 'degraded', reason: line })
      h.credentials.invalidate()
      return asOperator(h, work)
    }
  }

  async function reconcileOne(h: HostedOperator): Promise<OperatorResult> {
    const name = h.operator.name
    let result: OperatorResult
    try {
      const reason = await withRetry(h, (ctx) => h.operator.reconcile(ctx))
      result = { name, condition: 'available', reason }
    } catch (error) {
      const reason = `${errorCode(error)}: ${(error as Error).message}`
      result = { name, condition: 'degraded', reason }
      await report([`operator ${name}: ${reason}`])
    }
    await report([], result)
    return result
  }

  let loop: ReturnType<typeof setTimeout> | undefined
  let running: Promise<unknown> = Promise.resolve()
  let stopped = false

  const operators: ClusterOperators = {
    get cluster() {
      return host.cluster
    },
    async reconcile(names) {
      host.cluster = await host.api.getCluster(host.cluster.id)
      const chosen = hosted.filter((h) => names === undefined || names.includes(h.operator.name))
      const results: OperatorResult[] = []
      for (const h of chosen) results.push(await reconcileOne(h))
      return results
    },
    async provisionVolume(sizeGiB) {
      const h = hosted.find((x) => x.operator === ebsCsiOperator)!
      host.cluster = await host.api.getCluster(host.cluster.id)
      const volume = await withRetry(h, (ctx) => provisionVolume(ctx, sizeGiB))
      await reconcileOne(h)
      return volume
    },
    start(intervalMs = 30_000) {
      if (loop !== undefined || stopped) return
      const tick = (): void => {
        running = operators
          .reconcile()
          .catch((error) => host.echo(`operators: ${errorCode(error)}: ${(error as Error).message}`))
          .finally(() => {
            if (!stopped) loop = setTimeout(tick, intervalMs)
          })
      }
      loop = setTimeout(tick, 0)
    },
    async stop() {
      stopped = true
      if (loop !== undefined) clearTimeout(loop)
      await running
    },
    sessions() {
      return hosted.map((h) => ({
        name: h.operator.name,
        roleArn: h.roleArn,
        assumed: h.credentials.fetchCount,
        accessKeyId: h.credentials.accessKeyId,
      }))
    },
  }
  return operators
}

/** Opens a cluster's operators, runs one reconcile of each (or of those named) and closes them. */
export async function reconcileClusterOperators(
  options: OperatorHostOptions,
  names?: readonly string[],
): Promise<readonly OperatorResult[]> {
  const operators = await openClusterOperators(options)
  try {
    return await operators.reconcile(names)
  } finally {
    await operators.stop()
  }
}
