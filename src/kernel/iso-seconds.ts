/** The last second written, and its text: a request formats the same second several times. */
let lastSecond = Number.NaN
let lastText = ''

/**
 * An instant as ISO-8601 UTC to the second, `2026-01-01T00:00:00Z`: how CloudTrail's eventTime, the
 * aws:CurrentTime and aws:TokenIssueTime keys and EC2's metadata times are written.
 */
export function isoSeconds(at: Date | number): string {
  const second = Math.floor((typeof at === 'number' ? at : at.getTime()) / 1000)
  if (second !== lastSecond) {
    // toISOString is `YYYY-MM-DDTHH:mm:ss.sssZ` for every year 0000–9999; it throws on an invalid date.
    lastText = `${new Date(second * 1000).toISOString().slice(0, 19)}Z`
    lastSecond = second
  }
  return lastText
}
