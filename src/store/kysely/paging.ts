import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely'
import type { Page } from '../ports/index.js'

// biome-ignore lint/suspicious/noExplicitAny: the helpers serve every table, so column names are plain strings.
type AnyBuilder = ExpressionBuilder<any, any>

/** A keyset position: the sort key and the unique id of the last item of a page. */
export type Cursor = readonly [key: string, id: string]

/** Encodes a cursor as an opaque string. */
export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor), 'utf8').toString('base64url')
}

/** Decodes a cursor; text that is not one is taken as a sort key, so listing resumes after it. */
export function decodeCursor(text: string | undefined): Cursor | undefined {
  if (text === undefined) return undefined
  try {
    const value: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'))
    if (Array.isArray(value) && value.length === 2 && value.every((v) => typeof v === 'string')) {
      return [value[0] as string, value[1] as string]
    }
  } catch {}
  return [text, '']
}

/** `(key, id) > cursor` (or `<` when descending) for keyset pagination. */
export function afterCursor(
  eb: AnyBuilder,
  keyColumn: string,
  idColumn: string,
  cursor: Cursor,
  descending = false,
): Expression<SqlBool> {
  const op = descending ? '<' : '>'
  // The redundant bound on the key alone lets both planners use the index as a range.
  return eb.and([
    eb(eb.ref(keyColumn), descending ? '<=' : '>=', cursor[0]),
    eb.or([
      eb(eb.ref(keyColumn), op, cursor[0]),
      eb.and([eb(eb.ref(keyColumn), '=', cursor[0]), eb(eb.ref(idColumn), op, cursor[1])]),
    ]),
  ])
}

/** `column` starts with `prefix`, compared byte-wise in both dialects (LIKE differs and treats `_` as a wildcard). */
export function startsWith(eb: AnyBuilder, column: string, prefix: string): Expression<SqlBool> {
  return eb(sql`substr(${sql.ref(column)}, 1, ${sql.lit(prefix.length)})`, '=', prefix)
}

/** Builds a page from `limit + 1` fetched rows. */
export function toPage<R, T>(
  rows: readonly R[],
  limit: number,
  cursorOf: (row: R) => Cursor,
  map: (row: R) => T,
): Page<T> {
  const items = rows.slice(0, limit)
  const last = items[items.length - 1]
  const page = { items: items.map(map) }
  return rows.length > limit && last !== undefined
    ? { items: page.items, next: encodeCursor(cursorOf(last)) }
    : page
}
