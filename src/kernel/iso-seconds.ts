/**
 * An instant as ISO-8601 UTC to the second, `2026-01-01T00:00:00Z`: how CloudTrail's eventTime, the
 * aws:CurrentTime and aws:TokenIssueTime keys and EC2's metadata times are written.
 */
export function isoSeconds(at: Date | number): string {
  // toISOString is `YYYY-MM-DDTHH:mm:ss.sssZ` for every year 0000–9999.
  return `${(typeof at === 'number' ? new Date(at) : at).toISOString().slice(0, 19)}Z`
}
