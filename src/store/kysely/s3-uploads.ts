import type { S3ObjectHeaders, S3PartRecord, S3UploadRecord, S3UploadRepository } from '../ports/index.js'
import { iso, num, parseTags, tagsJson, time } from './columns.js'
import { guard, inTx, type RepoContext } from './context.js'
import type { Database } from './database.js'

type UploadRow = Database['s3_uploads']
type PartRow = Database['s3_parts']

const ENTITY = 's3 multipart upload'

const toUpload = (row: UploadRow): S3UploadRecord => ({
  uploadId: row.upload_id,
  bucket: row.bucket,
  key: row.key,
  accountId: row.account_id,
  initiator: row.initiator,
  initiated: time(row.initiated),
  headers: JSON.parse(row.headers) as S3ObjectHeaders,
  tags: parseTags(row.tags),
})

const toPart = (row: PartRow): S3PartRecord => ({
  uploadId: row.upload_id,
  partNumber: num(row.part_number),
  blobId: row.blob_id,
  size: num(row.size),
  etag: row.etag,
  lastModified: time(row.last_modified),
})

/** S3 multipart uploads and their parts over Kysely. */
export function s3UploadRepository(ctx: RepoContext): S3UploadRepository {
  const { db } = ctx
  return {
    create: (upload) =>
      guard(ctx, ENTITY, async () => {
        await db
          .insertInto('s3_uploads')
          .values({
            upload_id: upload.uploadId,
            bucket: upload.bucket,
            key: upload.key,
            account_id: upload.accountId,
            initiator: upload.initiator,
            initiated: iso(upload.initiated),
            headers: JSON.stringify(upload.headers),
            tags: tagsJson(upload.tags),
          })
          .execute()
      }),
    get: (uploadId) =>
      guard(ctx, ENTITY, async () => {
        const row = await db
          .selectFrom('s3_uploads')
          .selectAll()
          .where('upload_id', '=', uploadId)
          .executeTakeFirst()
        return row === undefined ? undefined : toUpload(row)
      }),
    delete: (uploadId) =>
      guard(ctx, ENTITY, () =>
        inTx(db, async (tx) => {
          const upload = await tx
            .selectFrom('s3_uploads')
            .select('upload_id')
            .where('upload_id', '=', uploadId)
            .executeTakeFirst()
          if (upload === undefined) return undefined
          const parts = await tx
            .selectFrom('s3_parts')
            .select('blob_id')
            .where('upload_id', '=', uploadId)
            .execute()
          await tx.deleteFrom('s3_parts').where('upload_id', '=', uploadId).execute()
          await tx.deleteFrom('s3_uploads').where('upload_id', '=', uploadId).execute()
          return parts.map((part) => part.blob_id)
        }),
      ),
    putPart: (part) =>
      guard(ctx, ENTITY, () =>
        inTx(db, async (tx) => {
          const where = { upload_id: part.uploadId, part_number: part.partNumber }
          const previous = await tx
            .selectFrom('s3_parts')
            .select('blob_id')
            .where('upload_id', '=', where.upload_id)
            .where('part_number', '=', where.part_number)
            .executeTakeFirst()
          const row: PartRow = {
            upload_id: where.upload_id,
            part_number: where.part_number,
            blob_id: part.blobId,
            size: part.size,
            etag: part.etag,
            last_modified: iso(part.lastModified),
          }
          if (previous === undefined) await tx.insertInto('s3_parts').values(row).execute()
          else
            await tx
              .updateTable('s3_parts')
              .set(row)
              .where('upload_id', '=', where.upload_id)
              .where('part_number', '=', where.part_number)
              .execute()
          return previous?.blob_id
        }),
      ),
    listParts: (uploadId, after, limit) =>
      guard(ctx, ENTITY, async () => {
        const rows = await db
          .selectFrom('s3_parts')
          .selectAll()
          .where('upload_id', '=', uploadId)
          .where('part_number', '>', after)
          .orderBy('part_number')
          .limit(limit)
          .execute()
        return rows.map(toPart)
      }),
    list: (query) =>
      guard(ctx, ENTITY, async () => {
        let q = db.selectFrom('s3_uploads').selectAll().where('bucket', '=', query.bucket)
        const prefix = query.prefix ?? ''
        if (prefix !== '') q = q.where('key', '>=', prefix)
        const after = query.after
        if (after !== undefined) {
          const uploadId = query.afterUploadId
          q =
            uploadId === undefined
              ? q.where('key', '>', after)
              : q.where((eb) =>
                  eb.or([
                    eb('key', '>', after),
                    eb.and([eb('key', '=', after), eb('upload_id', '>', uploadId)]),
                  ]),
                )
        }
        const rows = await q.orderBy('key').orderBy('upload_id').limit(query.limit).execute()
        const end = rows.findIndex((row) => !row.key.startsWith(prefix))
        return (end < 0 ? rows : rows.slice(0, end)).map(toUpload)
      }),
  }
}
