import type { Kysely, Migration } from 'kysely'
import { BODY, INT, type SchemaDialect } from './schema-dialect.js'

/** Managed policies with their versions, inline policies and attachments. */
export function policies(d: SchemaDialect): Migration {
  const K = d.keyType
  return {
    async up(db: Kysely<unknown>) {
      // account_id has no foreign key: AWS-managed policies belong to the pseudo-account `aws`.
      await db.schema
        .createTable('managed_policies')
        .addColumn('id', K, (c) => c.primaryKey())
        .addColumn('account_id', K, (c) => c.notNull())
        .addColumn('arn', K, (c) => c.notNull().unique())
        .addColumn('name', K, (c) => c.notNull())
        .addColumn('name_key', K, (c) => c.notNull())
        .addColumn('path', K, (c) => c.notNull())
        .addColumn('description', BODY)
        .addColumn('default_version_id', K, (c) => c.notNull())
        .addColumn('next_version_number', INT, (c) => c.notNull())
        .addColumn('tags', BODY, (c) => c.notNull())
        .addColumn('created_at', K, (c) => c.notNull())
        .addColumn('updated_at', K, (c) => c.notNull())
        .addUniqueConstraint('managed_policies_name_unique', ['account_id', 'name_key'])
        .execute()
      await db.schema
        .createTable('policy_versions')
        .addColumn('policy_id', K, (c) => c.notNull().references('managed_policies.id').onDelete('cascade'))
        .addColumn('version_id', K, (c) => c.notNull())
        .addColumn('document', BODY, (c) => c.notNull())
        .addColumn('created_at', K, (c) => c.notNull())
        .addPrimaryKeyConstraint('policy_versions_pk', ['policy_id', 'version_id'])
        .execute()
      // Principal ids (AIDA…, AGPA…, AROA…) are unique across kinds, so one table serves all three;
      // the repositories delete these rows with their principal.
      await db.schema
        .createTable('inline_policies')
        .addColumn('principal_id', K, (c) => c.notNull())
        .addColumn('principal_kind', K, (c) => c.notNull())
        .addColumn('name', K, (c) => c.notNull())
        .addColumn('document', BODY, (c) => c.notNull())
        .addColumn('created_at', K, (c) => c.notNull())
        .addColumn('updated_at', K, (c) => c.notNull())
        .addPrimaryKeyConstraint('inline_policies_pk', ['principal_id', 'name'])
        .execute()
      // No ON DELETE action: a managed policy cannot be deleted while attached.
      await db.schema
        .createTable('policy_attachments')
        .addColumn('principal_id', K, (c) => c.notNull())
        .addColumn('principal_kind', K, (c) => c.notNull())
        .addColumn('policy_id', K, (c) => c.notNull().references('managed_policies.id'))
        .addColumn('attached_at', K, (c) => c.notNull())
        .addPrimaryKeyConstraint('policy_attachments_pk', ['principal_id', 'policy_id'])
        .execute()
      await db.schema
        .createIndex('policy_attachments_policy')
        .on('policy_attachments')
        .column('policy_id')
        .execute()
    },
    async down(db: Kysely<unknown>) {
      for (const table of ['policy_attachments', 'inline_policies', 'policy_versions', 'managed_policies']) {
        await db.schema.dropTable(table).execute()
      }
    },
  }
}
