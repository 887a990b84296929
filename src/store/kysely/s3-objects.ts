import type { S3ObjectHeaders, S3ObjectRecord, S3ObjectRepository } from '../ports/index.js'
import { iso, num, parseTags, tagsJson, time } from './columns.js'
import { guard, inTx, type RepoContext } from './context.js'
import type { Database } from './database.js'

type Row = Database['s3_objects']

const ENTITY = 's3 object'

const toRecord = (row: Row): S3ObjectRecord => ({
  bucket: row.bucket,
  key: row.key,
  accountId: row.account_id,
  blobId: row.blob_id,
  size: num(row.size),
  etag: row.etag,
  lastModified: time(row.last_modified),
  ...(row.parts_count === null ? {} : { partsCount: num(row.parts_count) }),
  headers: JSON.parse(row.headers) as S3ObjectHeaders,
  tags: parseTags(row.tags),
})

const toRow = (object: S3ObjectRecord): Row => ({
  bucket: object.bucket,
  key: object.key,
  account_id: object.accountId,
  blob_id: object.blobId,
  size: object.size,
  etag: object.etag,
  last_modified: iso(object.lastModified),
  parts_count: object.partsCount ?? null,
  headers: JSON.stringify(object.headers),
  tags: tagsJson(object.tags),
})

/** S3 object metadata over Kysely, keyed by bucket and key. */
export function s3ObjectRepository(ctx: RepoContext): S3ObjectRepository {
  const { db } = ctx
  const find = (q: typeof db, bucket: string, key: string) =>
    q
      .selectFrom('s3_objects')
      .selectAll()
      .where('bucket', '=', bucket)
      .where('key', '=', key)
      .executeTakeFirst()
  return {
    get: (bucket, key) =>
      guard(ctx, ENTITY, async () => {
        const row = await find(db, bucket, key)
        return row === undefined ? undefined : toRecord(row)
      }),
    put: (object) =>
      guard(ctx, ENTITY, () =>
        inTx(db, async (tx) => {
          const previous = await find(tx, object.bucket, object.key)
          const row = toRow(object)
          if (previous === undefined) await tx.insertInto('s3_objects').values(row).execute()
          else
            await tx
              .updateTable('s3_objects')
              .set(row)
              .where('bucket', '=', object.bucket)
              .where('key', '=', object.key)
              .execute()
          return previous === undefined ? undefined : toRecord(previous)
        }),
      ),
    delete: (bucket, key) =>
      guard(ctx, ENTITY, () =>
        inTx(db, async (tx) => {
          const previous = await find(tx, bucket, key)
          if (previous === undefined) return undefined
          await tx.deleteFrom('s3_objects').where('bucket', '=', bucket).where('key', '=', key).execute()
          return toRecord(previous)
        }),
      ),
    setTags: (bucket, key, tags) =>
      guard(ctx, ENTITY, async () => {
        const result = await db
          .updateTable('s3_objects')
          .set({ tags: tagsJson(tags) })
          .where('bucket', '=', bucket)
          .where('key', '=', key)
          .executeTakeFirst()
        return num(result.numUpdatedRows) > 0
      }),
    list: (query) =>
      guard(ctx, ENTITY, async () => {
        let q = db.selectFrom('s3_objects').selectAll().where('bucket', '=', query.bucket)
        const prefix = query.prefix ?? ''
        if (prefix !== '') q = q.where('key', '>=', prefix)
        if (query.after !== undefined) q = q.where('key', '>', query.after)
        const rows = await q.orderBy('key').limit(query.limit).execute()
        // Keys at or above the prefix are in order, so the first one without it ends the listing.
        const end = rows.findIndex((row) => !row.key.startsWith(prefix))
        return (end < 0 ? rows : rows.slice(0, end)).map(toRecord)
      }),
    count: (bucket) =>
      guard(ctx, ENTITY, async () => {
        const row = await db
          .selectFrom('s3_objects')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('bucket', '=', bucket)
          .executeTakeFirst()
        return num(row?.n as number | string | undefined)
      }),
  }
}
