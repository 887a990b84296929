import { type ConditionOperator, ordered } from './operator.js'

const EPOCH = /^\d+$/
const ISO =
  /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:[Tt](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?([Zz]|[+-]\d{2}(?::\d{2})?))?)?)?$/
const MAX_EPOCH = 9223372036854775807n

/**
 * Parses a policy or request date into epoch milliseconds: a bare integer is epoch seconds
 * (so `2024` is a second count, not a year); otherwise the W3C ISO-8601 profile, with a zone
 * required when a time is given. `undefined` for anything else.
 */
export function parseDate(text: string): number | undefined {
  if (EPOCH.test(text)) {
    if (text.length >= 19 && BigInt(text) > MAX_EPOCH) return undefined
    return Number(text) * 1000
  }
  const m = ISO.exec(text)
  if (m === null) return undefined
  const year = Number(m[1])
  const month = m[2] === undefined ? 1 : Number(m[2])
  const day = m[3] === undefined ? 1 : Number(m[3])
  const hour = m[4] === undefined ? 0 : Number(m[4])
  const minute = m[5] === undefined ? 0 : Number(m[5])
  const second = m[6] === undefined ? 0 : Number(m[6])
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return undefined
  if (hour > 23 || minute > 59 || second > 59) return undefined
  const offset = zoneOffsetMinutes(m[8])
  if (offset === undefined) return undefined
  const fraction = m[7] === undefined ? 0 : Number(`0.${m[7]}`) * 1000
  const date = new Date(Date.UTC(2000, month - 1, day, hour, minute, second))
  date.setUTCFullYear(year)
  return date.getTime() + fraction - offset * 60_000
}

function daysIn(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31
}

function zoneOffsetMinutes(zone: string | undefined): number | undefined {
  if (zone === undefined || zone === 'Z' || zone === 'z') return 0
  const hours = Number(zone.slice(1, 3))
  const minutes = zone.length > 3 ? Number(zone.slice(4, 6)) : 0
  if (hours > 23 || minutes > 59) return undefined
  return (zone[0] === '-' ? -1 : 1) * (hours * 60 + minutes)
}

/** The Date* operators, comparing instants. */
export const DATE: readonly ConditionOperator[] = ordered('Date', parseDate)
