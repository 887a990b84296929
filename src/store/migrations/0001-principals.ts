import type { Kysely, Migration } from 'kysely'
import { BODY, INT, type SchemaDialect } from './schema-dialect.js'

/** Accounts, IAM users, groups with their members, and roles. */
export function principals(d: SchemaDialect): Migration {
  const K = d.keyType
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('accounts')
        .addColumn('id', K, (c) => c.primaryKey())
        .addColumn('name', BODY, (c) => c.notNull())
        .addColumn('alias', K, (c) => c.unique())
        .addColumn('created_at', K, (c) => c.notNull())
        .execute()
      await db.schema
        .createTable('users')
        .addColumn('id', K, (c) => c.primaryKey())
        .addColumn('account_id', K, (c) => c.notNull().references('accounts.id').onDelete('cascade'))
        .addColumn('name', K, (c) => c.notNull())
        .addColumn('name_key', K, (c) => c.notNull())
        .addColumn('path', K, (c) => c.notNull())
        .addColumn('permissions_boundary_arn', K)
        .addColumn('tags', BODY, (c) => c.notNull())
        .addColumn('created_at', K, (c) => c.notNull())
        .addColumn('password_last_used_at', K)
        .addUniqueConstraint('users_name_unique', ['account_id', 'name_key'])
        .execute()
      await db.schema.createIndex('users_boundary').on('users').column('permissions_boundary_arn').execute()
      await db.schema
        .createTable('groups')
        .addColumn('id', K, (c) => c.primaryKey())
        .addColumn('account_id', K, (c) => c.notNull().references('accounts.id').onDelete('cascade'))
        .addColumn('name', K, (c) => c.notNull())
        .addColumn('name_key', K, (c) => c.notNull())
        .addColumn('path', K, (c) => c.notNull())
        .addColumn('created_at', K, (c) => c.notNull())
        .addUniqueConstraint('groups_name_unique', ['account_id', 'name_key'])
        .execute()
      await db.schema
        .createTable('group_members')
        .addColumn('group_id', K, (c) => c.notNull().references('groups.id').onDelete('cascade'))
        .addColumn('user_id', K, (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('added_at', K, (c) => c.notNull())
        .addPrimaryKeyConstraint('group_members_pk', ['group_id', 'user_id'])
        .execute()
      await db.schema.createIndex('group_members_user').on('group_members').column('user_id').execute()
      await db.schema
        .createTable('roles')
        .addColumn('id', K, (c) => c.primaryKey())
        .addColumn('account_id', K, (c) => c.notNull().references('accounts.id').onDelete('cascade'))
        .addColumn('name', K, (c) => c.notNull())
        .addColumn('name_key', K, (c) => c.notNull())
        .addColumn('path', K, (c) => c.notNull())
        .addColumn('trust_policy', BODY, (c) => c.notNull())
        .addColumn('description', BODY)
        .addColumn('max_session_duration', INT, (c) => c.notNull())
        .addColumn('permissions_boundary_arn', K)
        .addColumn('tags', BODY, (c) => c.notNull())
        .addColumn('created_at', K, (c) => c.notNull())
        .addColumn('last_used_at', K)
        .addColumn('last_used_region', K)
        .addUniqueConstraint('roles_name_unique', ['account_id', 'name_key'])
        .execute()
      await db.schema.createIndex('roles_boundary').on('roles').column('permissions_boundary_arn').execute()
    },
    async down(db: Kysely<unknown>) {
      for (const table of ['roles', 'group_members', 'groups', 'users', 'accounts']) {
        await db.schema.dropTable(table).execute()
      }
    },
  }
}
