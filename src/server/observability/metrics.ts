import { Counter, Histogram, Registry } from 'prom-client'
import type { Exchange } from '../exchange.js'
import type { SideRoute } from '../http.js'

/** Latency buckets in seconds: sub-millisecond for cached reads up to seconds for slow stores. */
const LATENCY_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5]

/** The Prometheus metrics of one app, in its own registry (never prom-client's global one). */
export class ServerMetrics {
  readonly registry = new Registry()
  readonly #requests = new Counter({
    name: 'lanyard_requests_total',
    help: 'AWS API requests by service, operation and HTTP status',
    labelNames: ['service', 'operation', 'status'] as const,
    registers: [this.registry],
  })
  readonly #latency = new Histogram({
    name: 'lanyard_request_duration_seconds',
    help: 'Time from the first byte read to the response written, by service and operation',
    labelNames: ['service', 'operation'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  })
  readonly #decisions = new Counter({
    name: 'lanyard_authorization_decisions_total',
    help: 'Authorization outcomes of requests that the policy engine evaluated',
    labelNames: ['result'] as const,
    registers: [this.registry],
  })

  /** The series of each (service, operation, status), bound once: prom-client hashes a label object on every call. */
  readonly #series = new Map<
    string,
    { readonly requests: Counter.Internal; readonly latency: Histogram.Internal<string> }
  >()

  /** The series of each decision result, bound once for the same reason. */
  readonly #decided = new Map<string, Counter.Internal>()

  /** Counts one finished request. */
  observe(exchange: Exchange, seconds: number): void {
    const service = exchange.service?.signingName ?? 'unknown'
    const operation = exchange.operationName ?? 'unknown'
    const status = exchange.response?.status ?? 0
    const key = `${service} ${operation} ${status}`
    let series = this.#series.get(key)
    if (series === undefined) {
      series = {
        requests: this.#requests.labels(service, operation, String(status)),
        latency: this.#latency.labels(service, operation),
      }
      this.#series.set(key, series)
    }
    series.requests.inc()
    series.latency.observe(seconds)
    if (exchange.authorization !== 'NotEvaluated') {
      let decided = this.#decided.get(exchange.authorization)
      if (decided === undefined) {
        decided = this.#decisions.labels(exchange.authorization)
        this.#decided.set(exchange.authorization, decided)
      }
      decided.inc()
    }
  }

  /** The `/metrics` route: the registry in the Prometheus text format. */
  route(): SideRoute {
    return async (_request, response) => {
      const body = await this.registry.metrics()
      response.writeHead(200, { 'content-type': this.registry.contentType })
      response.end(body)
    }
  }
}
