/** The value of `length` ASCII digits of `text` from `at`, or -1 when one of them is not a digit. */
function digits(text: string, at: number, length: number): number {
  let value = 0
  for (let i = at; i < at + length; i++) {
    const digit = text.charCodeAt(i) - 0x30
    if (digit < 0 || digit > 9) return -1
    value = value * 10 + digit
  }
  return value
}

/** Parses `YYYYMMDD'T'HHMMSS'Z'`; `undefined` when it is not that shape or not a real instant. */
export function parseAmzDate(text: string): Date | undefined {
  if (text.length !== 16 || text[8] !== 'T' || text[15] !== 'Z') return undefined
  const y = digits(text, 0, 4)
  const mo = digits(text, 4, 2)
  const d = digits(text, 6, 2)
  const h = digits(text, 9, 2)
  const mi = digits(text, 11, 2)
  const s = digits(text, 13, 2)
  if (y < 0 || mo < 0 || d < 0 || h < 0 || mi < 0 || s < 0) return undefined
  const date = new Date(Date.UTC(y, mo - 1, d, h, mi, s))
  // Rejects 20150231 and the like, which Date.UTC would roll over.
  if (date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d || h > 23 || mi > 59 || s > 59)
    return undefined
  return date
}

/** Formats an instant as `YYYYMMDD'T'HHMMSS'Z'`. */
export function formatAmzDate(date: Date): string {
  return date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '')
}

/** Parses an RFC 1123 `Date` header (`Fri, 24 May 2013 00:00:00 GMT`); `undefined` when unreadable. */
export function parseHttpDate(text: string): Date | undefined {
  if (!/^[A-Za-z]{3}, \d{2} [A-Za-z]{3} \d{4} \d{2}:\d{2}:\d{2} GMT$/.test(text.trim())) return undefined
  const ms = Date.parse(text)
  return Number.isNaN(ms) ? undefined : new Date(ms)
}
