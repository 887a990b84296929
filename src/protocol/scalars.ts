import type { Shape } from '../models/index.js'

/** A scalar read from a string on the wire, or why it could not be read. */
export type ScalarResult =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly message: string }

const INT32 = { min: -2147483648, max: 2147483647 }
const INTEGER_TEXT = /^[+-]?\d+$/

/** Reads an integer (`integer` is 32-bit, `long` 64-bit as a safe JS number). AWS: `+900` and `0900` are accepted. */
function readInteger(text: string, type: 'integer' | 'long'): ScalarResult {
  if (text === '') return { ok: false, message: 'missing value for decimal type' }
  if (!INTEGER_TEXT.test(text)) return { ok: false, message: `Invalid value '${text}' for an integer` }
  const value = Number(text)
  const range = type === 'integer' ? INT32 : { min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }
  if (value < range.min || value > range.max) return { ok: false, message: `Value '${text}' is out of range` }
  return { ok: true, value }
}

/** Reads an ISO-8601 date-time, RFC 822/7231 date, or epoch seconds into a Date. */
export function readTimestamp(text: string): Date | undefined {
  const trimmed = text.trim()
  const date = /^\d+(\.\d+)?$/.test(trimmed) ? new Date(Number(trimmed) * 1000) : new Date(trimmed)
  return Number.isNaN(date.getTime()) ? undefined : date
}

/** Turns one wire string into the value of a scalar shape (query, ec2, rest-xml). */
export function readScalar(shape: Shape, text: string): ScalarResult {
  switch (shape.type) {
    case 'integer':
    case 'long':
      return readInteger(text, shape.type)
    case 'float':
    case 'double': {
      const value = Number(text)
      if (text.trim() === '' || Number.isNaN(value))
        return { ok: false, message: `Invalid value '${text}' for a number` }
      return { ok: true, value }
    }
    case 'boolean': {
      const lower = text.toLowerCase()
      if (lower === 'true' || lower === 'false') return { ok: true, value: lower === 'true' }
      return { ok: false, message: `Invalid value '${text}' for a boolean` }
    }
    case 'timestamp': {
      const value = readTimestamp(text)
      return value ? { ok: true, value } : { ok: false, message: `Invalid value '${text}' for a timestamp` }
    }
    case 'blob':
      return { ok: true, value: Uint8Array.from(Buffer.from(text, 'base64')) }
    default:
      return { ok: true, value: text }
  }
}

/** Converts a Date, ISO string or epoch-seconds number into a Date. */
export function toDate(value: unknown): Date {
  if (value instanceof Date) return value
  if (typeof value === 'number') return new Date(value * 1000)
  return new Date(String(value))
}

/** ISO-8601 UTC with `Z`; milliseconds only when non-zero unless `millis` is 'always'. */
export function formatIso(value: unknown, millis: 'always' | 'when-set'): string {
  const iso = toDate(value).toISOString()
  return millis === 'always' || !iso.endsWith('.000Z') ? iso : `${iso.slice(0, -5)}Z`
}

/** RFC 7231 date for headers, e.g. `Mon, 01 Jan 2024 00:00:00 GMT`. */
export function formatHttpDate(value: unknown): string {
  return toDate(value).toUTCString()
}

/** Formats a scalar for XML text or a header: booleans lower-case, blobs base64, timestamps by format. */
export function formatScalar(shape: Shape, value: unknown, timestamp: (value: unknown) => string): string {
  switch (shape.type) {
    case 'timestamp':
      return timestamp(value)
    case 'blob':
      return typeof value === 'string' ? value : Buffer.from(value as Uint8Array).toString('base64')
    case 'boolean':
      return value ? 'true' : 'false'
    default:
      return String(value)
  }
}
