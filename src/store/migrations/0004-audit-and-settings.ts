import type { Kysely, Migration } from 'kysely'
import { BODY, INT, type SchemaDialect } from './schema-dialect.js'

const FILTERS = ['account_id', 'event_name', 'event_source', 'principal_arn', 'username', 'access_key_id']

/** The audit trail and the key-value settings. */
export function auditAndSettings(d: SchemaDialect): Migration {
  const K = d.keyType
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('audit_events')
        .addColumn('event_id', K, (c) => c.primaryKey())
        .addColumn('event_time', K, (c) => c.notNull())
        .addColumn('account_id', K, (c) => c.notNull())
        .addColumn('principal_arn', K)
        .addColumn('username', K)
        .addColumn('event_source', K, (c) => c.notNull())
        .addColumn('event_name', K, (c) => c.notNull())
        .addColumn('error_code', K)
        .addColumn('access_key_id', K)
        .addColumn('read_only', INT, (c) => c.notNull())
        .addColumn('request_id', K, (c) => c.notNull())
        .addColumn('body', BODY, (c) => c.notNull())
        .execute()
      await db.schema
        .createIndex('audit_events_time')
        .on('audit_events')
        .columns(['event_time', 'event_id'])
        .execute()
      for (const column of FILTERS) {
        await db.schema
          .createIndex(`audit_events_${column}`)
          .on('audit_events')
          .columns([column, 'event_time', 'event_id'])
          .execute()
      }
      await db.schema
        .createTable('settings')
        .addColumn('scope', K, (c) => c.notNull())
        .addColumn('key', K, (c) => c.notNull())
        .addColumn('value', BODY, (c) => c.notNull())
        .addColumn('updated_at', K, (c) => c.notNull())
        .addPrimaryKeyConstraint('settings_pk', ['scope', 'key'])
        .execute()
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('settings').execute()
      await db.schema.dropTable('audit_events').execute()
    },
  }
}
