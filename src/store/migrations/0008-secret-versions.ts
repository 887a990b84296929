import type { Kysely, Migration } from 'kysely'
import { BODY, type SchemaDialect } from './schema-dialect.js'

/** Secrets Manager secret versions: the sealed value of each version of a secret stored in cloud_resources. */
export function secretVersions(d: SchemaDialect): Migration {
  const K = d.keyType
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('secret_versions')
        .addColumn('arn', K, (c) => c.notNull().references('cloud_resources.arn').onDelete('cascade'))
        .addColumn('version_id', K, (c) => c.notNull())
        .addColumn('value_sealed', BODY, (c) => c.notNull())
        .addColumn('created_at', K, (c) => c.notNull())
        .addPrimaryKeyConstraint('secret_versions_pk', ['arn', 'version_id'])
        .execute()
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('secret_versions').execute()
    },
  }
}
