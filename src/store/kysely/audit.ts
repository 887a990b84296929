import { type CompiledQuery, sql } from 'kysely'
import type { AuditEventRecord, AuditRepository } from '../ports/index.js'
import { iso, opt, time } from './columns.js'
import { guard, inTx, type SqlContext } from './context.js'
import type { Database } from './database.js'
import { afterCursor, decodeCursor, toPage } from './paging.js'
import { precompiled } from './precompiled.js'

type Row = Database['audit_events']

const toRow = (e: AuditEventRecord): Row => ({
  event_id: e.eventId,
  event_time: iso(e.eventTime),
  account_id: e.accountId,
  principal_arn: e.principalArn ?? null,
  username: e.username ?? null,
  event_source: e.eventSource,
  event_name: e.eventName,
  error_code: e.errorCode ?? null,
  access_key_id: e.accessKeyId ?? null,
  read_only: e.readOnly ? 1 : 0,
  request_id: e.requestId,
  body: JSON.stringify(e.event),
})

const toEvent = (row: Row): AuditEventRecord => ({
  eventId: row.event_id,
  eventTime: time(row.event_time),
  accountId: row.account_id,
  principalArn: opt(row.principal_arn),
  username: opt(row.username),
  eventSource: row.event_source,
  eventName: row.event_name,
  errorCode: opt(row.error_code),
  accessKeyId: opt(row.access_key_id),
  readOnly: Number(row.read_only) === 1,
  requestId: row.request_id,
  event: JSON.parse(row.body) as Record<string, unknown>,
})

/** A LIKE pattern matching every text that starts with `prefix` (its `%`, `_` and `\\` escaped with `\\`). */
const likePrefix = (prefix: string): string => `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`

/**
 * Rows per multi-row INSERT. Every statement has exactly this many rows or one, so the SQL text is always one of
 * two: both are compiled once, and the statement caches of both dialects keep them prepared. 50 × 12 parameters
 * stays under SQLite's and PostgreSQL's limits.
 */
const BATCH = 50

/** The columns of a row, in the order `toRow` writes them. */
const COLUMNS = Object.keys(
  toRow({
    eventId: '',
    eventTime: new Date(0),
    accountId: '',
    eventSource: '',
    eventName: '',
    readOnly: true,
    requestId: '',
    event: {},
  }),
) as readonly (keyof Row)[]

/** An INSERT of `rows` rows, compiled once per dialect; its arguments are the rows' values in column order. */
const insertOf = (rows: number) =>
  precompiled<unknown[], unknown>(rows * COLUMNS.length, (db, ...markers) =>
    db
      .insertInto('audit_events')
      .values(
        Array.from(
          { length: rows },
          (_, r) =>
            Object.fromEntries(COLUMNS.map((c, i) => [c, markers[r * COLUMNS.length + i]])) as unknown as Row,
        ),
      )
      .onConflict((oc) => oc.column('event_id').doNothing()),
  )

const insertOne = insertOf(1)
const insertBatch = insertOf(BATCH)

/** `events` as statements: runs of `BATCH` rows, then single rows for the rest. */
function statementsOf(ctx: SqlContext, events: readonly AuditEventRecord[]): CompiledQuery[] {
  const whole = events.length - (events.length % BATCH)
  const statements: CompiledQuery[] = []
  for (let i = 0; i < whole; i += BATCH)
    statements.push(insertBatch(ctx, ...events.slice(i, i + BATCH).flatMap(rowValues)))
  for (let i = whole; i < events.length; i++) statements.push(insertOne(ctx, ...rowValues(events[i]!)))
  return statements
}

const rowValues = (event: AuditEventRecord): unknown[] => Object.values(toRow(event))

/** The audit trail over Kysely. */
export function auditRepository(ctx: SqlContext): AuditRepository {
  const { db } = ctx
  return {
    append: (events) =>
      guard(ctx, 'audit event', () =>
        inTx(db, async (tx) => {
          // Precompiled: building and compiling the query per batch cost more than SQLite's own work.
          for (const statement of statementsOf(ctx, events)) await tx.executeQuery(statement)
        }),
      ),
    query: (q) =>
      guard(ctx, 'audit event', async () => {
        const cursor = decodeCursor(q.after)
        const newest = q.order !== 'oldest'
        const direction = newest ? 'desc' : 'asc'
        const rows = await db
          .selectFrom('audit_events')
          .selectAll()
          .$if(q.accountId !== undefined, (b) => b.where('account_id', '=', q.accountId!))
          .$if(q.from !== undefined, (b) => b.where('event_time', '>=', iso(q.from!)))
          .$if(q.to !== undefined, (b) => b.where('event_time', '<', iso(q.to!)))
          .$if(q.eventId !== undefined, (b) => b.where('event_id', '=', q.eventId!))
          .$if(q.eventName !== undefined, (b) => b.where('event_name', '=', q.eventName!))
          .$if(q.eventSource !== undefined, (b) => b.where('event_source', '=', q.eventSource!))
          .$if(q.principalArn !== undefined, (b) => b.where('principal_arn', '=', q.principalArn!))
          .$if(q.principalArnPrefix !== undefined, (b) =>
            b.where(sql<boolean>`principal_arn like ${likePrefix(q.principalArnPrefix!)} escape '\\'`),
          )
          .$if(q.username !== undefined, (b) => b.where('username', '=', q.username!))
          .$if(q.accessKeyId !== undefined, (b) => b.where('access_key_id', '=', q.accessKeyId!))
          .$if(q.errorCode !== undefined, (b) => b.where('error_code', '=', q.errorCode!))
          .$if(q.readOnly !== undefined, (b) => b.where('read_only', '=', q.readOnly ? 1 : 0))
          .$if(cursor !== undefined, (b) =>
            b.where((eb) => afterCursor(eb, 'event_time', 'event_id', cursor!, newest)),
          )
          .orderBy('event_time', direction)
          .orderBy('event_id', direction)
          .limit(q.limit + 1)
          .execute()
        return toPage(rows, q.limit, (r) => [r.event_time, r.event_id], toEvent)
      }),
  }
}
