import type { Kysely, Migration } from 'kysely'
import { BODY, INT, type SchemaDialect } from './schema-dialect.js'

/** The resources of the cloud services, and the tag index the Resource Groups Tagging API reads. */
export function cloudResources(d: SchemaDialect): Migration {
  const K = d.keyType
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('cloud_resources')
        .addColumn('arn', K, (c) => c.primaryKey())
        .addColumn('account_id', K, (c) => c.notNull().references('accounts.id').onDelete('cascade'))
        .addColumn('region', K, (c) => c.notNull())
        .addColumn('service', K, (c) => c.notNull())
        .addColumn('type', K, (c) => c.notNull())
        .addColumn('id', K, (c) => c.notNull())
        .addColumn('parent_id', K)
        .addColumn('attributes', BODY, (c) => c.notNull())
        .addColumn('tags', BODY, (c) => c.notNull())
        .addColumn('created_at', K, (c) => c.notNull())
        .addColumn('updated_at', K, (c) => c.notNull())
        .addColumn('revision', INT, (c) => c.notNull())
        .addUniqueConstraint('cloud_resources_key', ['account_id', 'service', 'type', 'region', 'id'])
        .execute()
      await db.schema
        .createIndex('cloud_resources_type_id')
        .on('cloud_resources')
        .columns(['account_id', 'service', 'type', 'id'])
        .execute()
      await db.schema
        .createIndex('cloud_resources_parent')
        .on('cloud_resources')
        .columns(['account_id', 'service', 'type', 'parent_id'])
        .execute()
      await db.schema
        .createTable('cloud_resource_tags')
        .addColumn('arn', K, (c) => c.notNull().references('cloud_resources.arn').onDelete('cascade'))
        .addColumn('account_id', K, (c) => c.notNull())
        .addColumn('key', K, (c) => c.notNull())
        .addColumn('value', K, (c) => c.notNull())
        .addPrimaryKeyConstraint('cloud_resource_tags_pk', ['arn', 'key'])
        .execute()
      await db.schema
        .createIndex('cloud_resource_tags_lookup')
        .on('cloud_resource_tags')
        .columns(['account_id', 'key', 'value'])
        .execute()
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('cloud_resource_tags').execute()
      await db.schema.dropTable('cloud_resources').execute()
    },
  }
}
