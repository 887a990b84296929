/** How long the CLI waits for the server's health route before it falls back to this machine's clock. */
const TIMEOUT_MS = 5000

/**
 * The time on the Lanyard server at `endpoint` (its clock follows the database server's), from the `time` its
 * health route reports; this machine's clock when the endpoint is not a Lanyard server or does not answer.
 * A revocation instant taken here covers every session any Lanyard process issued before it, whatever the skew
 * between this machine and the servers.
 */
export async function serverTime(endpoint: string, fallback: () => Date = () => new Date()): Promise<Date> {
  try {
    const response = await fetch(new URL('/_lanyard/health', endpoint), {
      signal: AbortSignal.timeout(TIMEOUT_MS),
    })
    const { time } = (await response.json()) as { time?: unknown }
    const at = typeof time === 'string' ? new Date(time) : undefined
    if (at !== undefined && !Number.isNaN(at.getTime())) return at
  } catch {
    // Not Lanyard (real AWS), or unreachable: the PutRolePolicy that follows reports the real problem.
  }
  return fallback()
}
