import type { Kysely, Migration } from 'kysely'
import { BODY, type SchemaDialect } from './schema-dialect.js'

/** Access keys, instance profiles with their roles, and OIDC providers. */
export function credentials(d: SchemaDialect): Migration {
  const K = d.keyType
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('access_keys')
        .addColumn('id', K, (c) => c.primaryKey())
        .addColumn('account_id', K, (c) => c.notNull().references('accounts.id').onDelete('cascade'))
        .addColumn('user_id', K, (c) => c.references('users.id').onDelete('cascade'))
        .addColumn('secret_sealed', BODY, (c) => c.notNull())
        .addColumn('status', K, (c) => c.notNull())
        .addColumn('created_at', K, (c) => c.notNull())
        .addColumn('last_used_at', K)
        .addColumn('last_used_service', K)
        .addColumn('last_used_region', K)
        .execute()
      await db.schema.createIndex('access_keys_user').on('access_keys').column('user_id').execute()
      await db.schema.createIndex('access_keys_account').on('access_keys').column('account_id').execute()
      await db.schema
        .createTable('instance_profiles')
        .addColumn('id', K, (c) => c.primaryKey())
        .addColumn('account_id', K, (c) => c.notNull().references('accounts.id').onDelete('cascade'))
        .addColumn('name', K, (c) => c.notNull())
        .addColumn('name_key', K, (c) => c.notNull())
        .addColumn('path', K, (c) => c.notNull())
        .addColumn('tags', BODY, (c) => c.notNull())
        .addColumn('created_at', K, (c) => c.notNull())
        .addUniqueConstraint('instance_profiles_name_unique', ['account_id', 'name_key'])
        .execute()
      await db.schema
        .createTable('instance_profile_roles')
        .addColumn('instance_profile_id', K, (c) =>
          c.notNull().references('instance_profiles.id').onDelete('cascade'),
        )
        .addColumn('role_id', K, (c) => c.notNull().references('roles.id').onDelete('cascade'))
        .addColumn('added_at', K, (c) => c.notNull())
        .addPrimaryKeyConstraint('instance_profile_roles_pk', ['instance_profile_id', 'role_id'])
        .execute()
      await db.schema
        .createIndex('instance_profile_roles_role')
        .on('instance_profile_roles')
        .column('role_id')
        .execute()
      await db.schema
        .createTable('oidc_providers')
        .addColumn('arn', K, (c) => c.primaryKey())
        .addColumn('account_id', K, (c) => c.notNull().references('accounts.id').onDelete('cascade'))
        .addColumn('url', K, (c) => c.notNull())
        .addColumn('client_ids', BODY, (c) => c.notNull())
        .addColumn('thumbprints', BODY, (c) => c.notNull())
        .addColumn('tags', BODY, (c) => c.notNull())
        .addColumn('created_at', K, (c) => c.notNull())
        .addUniqueConstraint('oidc_providers_url_unique', ['account_id', 'url'])
        .execute()
    },
    async down(db: Kysely<unknown>) {
      for (const table of ['oidc_providers', 'instance_profile_roles', 'instance_profiles', 'access_keys']) {
        await db.schema.dropTable(table).execute()
      }
    },
  }
}
