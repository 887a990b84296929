import cluster, { type Worker } from 'node:cluster'
import { AggregatorRegistry, type Registry } from 'prom-client'
import type { SideRoute } from '../http.js'

/** A worker asks the primary for the metrics of the whole cluster. */
interface MetricsRequest {
  readonly type: 'lanyard:metrics-request'
  readonly id: number
}

/** The primary's answer: the aggregated text, or why there is none. */
interface MetricsReply {
  readonly type: 'lanyard:metrics-reply'
  readonly id: number
  readonly body?: string
  readonly contentType?: string
  readonly error?: string
}

/** Longer than prom-client's own 5-second wait for the workers' answers, so its error reaches the worker. */
const REPLY_TIMEOUT_MS = 6000

const isRequest = (message: unknown): message is MetricsRequest =>
  (message as MetricsRequest | null)?.type === 'lanyard:metrics-request'

const isReply = (message: unknown): message is MetricsReply =>
  (message as MetricsReply | null)?.type === 'lanyard:metrics-reply'

function reply(worker: Worker, message: MetricsReply): void {
  if (worker.isConnected()) worker.send(message)
}

/**
 * In the primary: answers every worker's request with the metrics of all workers, collected and summed by
 * prom-client's `AggregatorRegistry.clusterMetrics()` (a counter reads as the sum over the workers). While
 * `allStarted()` is false it answers an error at once: a worker still loading cannot answer a collection yet, and
 * prom-client would wait 5 s for it. Returns the function that stops answering.
 */
export function serveClusterMetrics(allStarted: () => boolean = () => true): () => void {
  const aggregator = new AggregatorRegistry()
  const onMessage = (worker: Worker, message: unknown) => {
    if (!isRequest(message)) return
    if (!allStarted()) {
      reply(worker, { type: 'lanyard:metrics-reply', id: message.id, error: 'a worker is starting' })
      return
    }
    aggregator.clusterMetrics().then(
      (body) =>
        reply(worker, {
          type: 'lanyard:metrics-reply',
          id: message.id,
          body,
          contentType: aggregator.contentType,
        }),
      (error: unknown) =>
        reply(worker, {
          type: 'lanyard:metrics-reply',
          id: message.id,
          error: error instanceof Error ? error.message : String(error),
        }),
    )
  }
  cluster.on('message', onMessage)
  return () => cluster.off('message', onMessage)
}

let joined = false

/**
 * In a worker: lets prom-client answer the primary's collection requests with `registry` (until one is given, with
 * prom-client's empty global registry, so a worker that is still starting does not stall a collection).
 */
export function joinClusterMetrics(registry?: Registry): void {
  // CAUTION: prom-client installs a worker's answering listener only when an AggregatorRegistry is constructed.
  if (!joined) new AggregatorRegistry()
  joined = true
  if (registry !== undefined) AggregatorRegistry.setRegistries([registry])
}

/** In a worker: the `/metrics` route, answered with the whole cluster's metrics that the primary aggregates. */
export function clusterMetricsRoute(registry: Registry): SideRoute {
  const send = process.send?.bind(process)
  if (send === undefined) throw new Error('clusterMetricsRoute needs an IPC channel to the cluster primary')
  joinClusterMetrics(registry)
  const pending = new Map<number, (answer: MetricsReply | undefined) => void>()
  let next = 0
  process.on('message', (message: unknown) => {
    if (isReply(message)) pending.get(message.id)?.(message)
  })
  const ask = () =>
    new Promise<MetricsReply | undefined>((resolve) => {
      const id = next++
      const timer = setTimeout(() => settle(undefined), REPLY_TIMEOUT_MS)
      const settle = (answer: MetricsReply | undefined) => {
        clearTimeout(timer)
        pending.delete(id)
        resolve(answer)
      }
      pending.set(id, settle)
      try {
        send(
          { type: 'lanyard:metrics-request', id } satisfies MetricsRequest,
          undefined,
          undefined,
          (error) => {
            if (error) settle({ type: 'lanyard:metrics-reply', id, error: error.message })
          },
        )
      } catch (error) {
        settle({ type: 'lanyard:metrics-reply', id, error: (error as Error).message })
      }
    })
  return async (_request, response) => {
    const answer = await ask()
    if (answer?.body === undefined) {
      response.writeHead(503, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' })
      response.end(
        `The metrics of the cluster are unavailable: ${answer?.error ?? 'the primary did not answer'}\n`,
      )
      return
    }
    response.writeHead(200, { 'content-type': answer.contentType ?? registry.contentType })
    response.end(answer.body)
  }
}
