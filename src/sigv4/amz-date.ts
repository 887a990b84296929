const AMZ_DATE = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/

/** Parses `YYYYMMDD'T'HHMMSS'Z'`; `undefined` when it is not that shape or not a real instant. */
export function parseAmzDate(text: string): Date | undefined {
  const m = AMZ_DATE.exec(text)
  if (m === null) return undefined
  const [, y, mo, d, h, mi, s] = m.map(Number) as [number, number, number, number, number, number, number]
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
