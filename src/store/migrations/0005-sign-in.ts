import type { Kysely, Migration } from 'kysely'
import { BODY, INT, type SchemaDialect } from './schema-dialect.js'

/** Login profiles (console passwords) and virtual MFA devices. */
export function signIn(d: SchemaDialect): Migration {
  const K = d.keyType
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('login_profiles')
        .addColumn('user_id', K, (c) => c.primaryKey().references('users.id').onDelete('cascade'))
        .addColumn('password_hash', BODY, (c) => c.notNull())
        .addColumn('password_reset_required', INT, (c) => c.notNull())
        .addColumn('created_at', K, (c) => c.notNull())
        .execute()
      // Deleting a user unassigns its devices; AWS makes callers deactivate them first.
      await db.schema
        .createTable('mfa_devices')
        .addColumn('serial_number', K, (c) => c.primaryKey())
        .addColumn('account_id', K, (c) => c.notNull().references('accounts.id').onDelete('cascade'))
        .addColumn('name', K, (c) => c.notNull())
        .addColumn('name_key', K, (c) => c.notNull())
        .addColumn('path', K, (c) => c.notNull())
        .addColumn('seed_sealed', BODY, (c) => c.notNull())
        .addColumn('user_id', K, (c) => c.references('users.id').onDelete('set null'))
        .addColumn('enabled_at', K)
        .addColumn('last_counter', INT)
        .addColumn('tags', BODY, (c) => c.notNull())
        .addColumn('created_at', K, (c) => c.notNull())
        .addUniqueConstraint('mfa_devices_name_unique', ['account_id', 'name_key'])
        .execute()
      await db.schema.createIndex('mfa_devices_user').on('mfa_devices').column('user_id').execute()
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('mfa_devices').execute()
      await db.schema.dropTable('login_profiles').execute()
    },
  }
}
