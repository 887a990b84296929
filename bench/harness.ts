/**
 * Shared pieces of the server benchmarks: one autocannon run against a child target with the target's CPU
 * time per request, medians, and the summary every benchmark prints.
 */
import autocannon from 'autocannon'
import type { ChildTarget } from './server-target.js'

/** One request autocannon sends; the body may be bytes (S3 uploads). */
export interface LoadRequest {
  readonly method: string
  readonly path: string
  readonly headers: Record<string, string>
  readonly body?: string | Buffer
}

/** The result of one timed run. */
export interface Sample {
  readonly rps: number
  readonly p50: number
  readonly p99: number
  /** Server CPU time per request, in microseconds: less sensitive to a busy machine than rps. */
  readonly cpuUs: number
}

/** Runs `requests` round-robin on `connections` connections for `seconds`; any failed request throws. */
export async function runLoad(
  target: ChildTarget,
  requests: readonly LoadRequest[],
  seconds: number,
  connections: number,
): Promise<Sample> {
  const cpuBefore = target.cpuMs() ?? 0
  const result = await autocannon({
    url: target.url,
    connections,
    duration: seconds,
    requests: requests.map(({ method, path, headers, body }) => ({
      method: method as 'POST',
      path,
      headers,
      ...(body === undefined ? {} : { body }),
    })),
  })
  const failed = result.non2xx + result.errors + result.timeouts
  if (failed > 0)
    throw new Error(`${failed} failed requests against ${target.url} (non-2xx ${result.non2xx})`)
  const cpuUs = Math.round((((target.cpuMs() ?? 0) - cpuBefore) * 1000) / result.requests.total)
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, cpuUs }
}

/** The median of `values`. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

/** The median over rounds of `samples[i].rps / base[i].rps`, both measured in the same rounds, to 3 decimals. */
export function medianRatio(samples: readonly { rps: number }[], base: readonly { rps: number }[]): number {
  return Number(median(samples.map((s, i) => s.rps / base[i]!.rps)).toFixed(3))
}

/** Medians of requests/s, latency and CPU time per request over rounds. */
export function summary(samples: readonly Sample[]) {
  return {
    rps: Math.round(median(samples.map((s) => s.rps))),
    p50Ms: median(samples.map((s) => s.p50)),
    p99Ms: median(samples.map((s) => s.p99)),
    cpuUsPerRequest: median(samples.map((s) => s.cpuUs)),
  }
}
