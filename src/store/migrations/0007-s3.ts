import type { Kysely, Migration } from 'kysely'
import { BODY, INT, type SchemaDialect } from './schema-dialect.js'

/** S3 object metadata, multipart uploads and parts, and object bytes for stores that keep them in the database. */
export function s3(d: SchemaDialect): Migration {
  const K = d.keyType
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('s3_objects')
        .addColumn('bucket', K, (c) => c.notNull())
        .addColumn('key', K, (c) => c.notNull())
        .addColumn('account_id', K, (c) => c.notNull())
        .addColumn('blob_id', K, (c) => c.notNull())
        .addColumn('size', 'bigint', (c) => c.notNull())
        .addColumn('etag', K, (c) => c.notNull())
        .addColumn('last_modified', K, (c) => c.notNull())
        .addColumn('parts_count', INT)
        .addColumn('headers', BODY, (c) => c.notNull())
        .addColumn('tags', BODY, (c) => c.notNull())
        .addPrimaryKeyConstraint('s3_objects_pk', ['bucket', 'key'])
        .execute()
      await db.schema
        .createTable('s3_uploads')
        .addColumn('upload_id', K, (c) => c.primaryKey())
        .addColumn('bucket', K, (c) => c.notNull())
        .addColumn('key', K, (c) => c.notNull())
        .addColumn('account_id', K, (c) => c.notNull())
        .addColumn('initiator', K, (c) => c.notNull())
        .addColumn('initiated', K, (c) => c.notNull())
        .addColumn('headers', BODY, (c) => c.notNull())
        .addColumn('tags', BODY, (c) => c.notNull())
        .execute()
      await db.schema
        .createIndex('s3_uploads_key')
        .on('s3_uploads')
        .columns(['bucket', 'key', 'upload_id'])
        .execute()
      await db.schema
        .createTable('s3_parts')
        .addColumn('upload_id', K, (c) => c.notNull().references('s3_uploads.upload_id').onDelete('cascade'))
        .addColumn('part_number', INT, (c) => c.notNull())
        .addColumn('blob_id', K, (c) => c.notNull())
        .addColumn('size', 'bigint', (c) => c.notNull())
        .addColumn('etag', K, (c) => c.notNull())
        .addColumn('last_modified', K, (c) => c.notNull())
        .addPrimaryKeyConstraint('s3_parts_pk', ['upload_id', 'part_number'])
        .execute()
      await db.schema
        .createTable('s3_blobs')
        .addColumn('id', K, (c) => c.primaryKey())
        .addColumn('data', 'bytea', (c) => c.notNull())
        .execute()
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('s3_blobs').execute()
      await db.schema.dropTable('s3_parts').execute()
      await db.schema.dropTable('s3_uploads').execute()
      await db.schema.dropTable('s3_objects').execute()
    },
  }
}
