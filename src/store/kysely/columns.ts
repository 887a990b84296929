import type { Tag } from '../ports/index.js'

/** Formats a time as the store keeps it: ISO-8601 UTC with milliseconds, which orders byte-wise. */
export const iso = (at: Date): string => at.toISOString()

/** Formats an optional time; null when absent. */
export const isoOrNull = (at: Date | undefined): string | null => (at === undefined ? null : at.toISOString())

/** Parses a stored time. */
export const time = (text: string): Date => new Date(text)

/** Parses an optional stored time. */
export const timeOrUndefined = (text: string | null): Date | undefined =>
  text === null ? undefined : new Date(text)

/** A nullable column as an optional record field. */
export const opt = <T>(value: T | null): T | undefined => (value === null ? undefined : value)

/** IAM's case-insensitive name key: ASCII lower case (IAM names are ASCII). */
export const nameKey = (name: string): string => name.replace(/[A-Z]/g, (c) => c.toLowerCase())

/** Serializes tags in order. */
export const tagsJson = (tags: readonly Tag[]): string => JSON.stringify(tags.map((t) => [t.key, t.value]))

/** Parses stored tags. */
export const parseTags = (text: string): readonly Tag[] =>
  (JSON.parse(text) as [string, string][]).map(([key, value]) => ({ key, value }))

/** Serializes a string list. */
export const listJson = (items: readonly string[]): string => JSON.stringify(items)

/** Parses a stored string list. */
export const parseList = (text: string): readonly string[] => JSON.parse(text) as string[]

/** A driver count (pg returns bigint counts as strings) as a number. */
export const num = (value: string | number | bigint | null | undefined): number => Number(value ?? 0)
