import type { ColumnDataType, Expression } from 'kysely'

/** The column types a migration needs that differ between dialects. */
export interface SchemaDialect {
  /** Text compared and ordered byte-wise (keys, names folded to lower case, ISO-8601 times). */
  readonly keyType: ColumnDataType | Expression<unknown>
}

/** Text with the database's default collation, for values that are never compared or ordered. */
export const BODY = 'text' as const
/** 0/1 flags and small counters; booleans are stored as integers in both dialects. */
export const INT = 'integer' as const
