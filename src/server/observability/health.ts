import type { SideRoute } from '../http.js'

/** What the health route checks. */
export interface HealthProbe {
  /** Resolves when the store answers a trivial query. */
  ping(): Promise<void>
}

/** How long the store check may take before the instance counts as unhealthy. */
const STORE_TIMEOUT_MS = 2000

/**
 * `/_lanyard/health`: 200 when the process is live and the store answers, 503 otherwise; JSON either way, with
 * `time`, the process clock (the database server's time), which `lanyard iam revoke-sessions` writes, and `pid`,
 * the process that answered (one of the workers under `lanyard server --workers N`).
 */
export function healthRoute(
  store: HealthProbe,
  isStopping: () => boolean = () => false,
  now: () => Date = () => new Date(),
): SideRoute {
  return async (_request, response) => {
    const storeCheck = await checkStore(store)
    const stopping = isStopping()
    const ok = storeCheck.ok && !stopping
    const body = {
      status: ok ? 'ok' : 'unavailable',
      live: true,
      time: now().toISOString(),
      pid: process.pid,
      ...(stopping ? { stopping: true } : {}),
      checks: { store: storeCheck },
    }
    response.writeHead(ok ? 200 : 503, { 'content-type': 'application/json', 'cache-control': 'no-store' })
    response.end(JSON.stringify(body))
  }
}

async function checkStore(store: HealthProbe): Promise<{ ok: boolean; ms: number; error?: string }> {
  const started = process.hrtime.bigint()
  const elapsed = () => Number(process.hrtime.bigint() - started) / 1e6
  let timer: NodeJS.Timeout | undefined
  try {
    await Promise.race([
      store.ping(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error('store check timed out')), STORE_TIMEOUT_MS)
      }),
    ])
    return { ok: true, ms: Math.round(elapsed()) }
  } catch (error) {
    return {
      ok: false,
      ms: Math.round(elapsed()),
      error: error instanceof Error ? error.message : String(error),
    }
  } finally {
    clearTimeout(timer)
  }
}
