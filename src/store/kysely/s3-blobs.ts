import { randomUUID } from 'node:crypto'
import type { BlobStore } from '../ports/index.js'
import { guard, type RepoContext } from './context.js'

/** Object bytes in the `s3_blobs` table (PostgreSQL `bytea`); a blob is written in its own statement. */
export function tableBlobStore(ctx: RepoContext): BlobStore {
  const { db } = ctx
  return {
    put: (bytes) =>
      guard(ctx, 's3 blob', async () => {
        const id = randomUUID()
        await db.insertInto('s3_blobs').values({ id, data: bytes }).execute()
        return id
      }),
    get: (id) =>
      guard(ctx, 's3 blob', async () => {
        const row = await db.selectFrom('s3_blobs').select('data').where('id', '=', id).executeTakeFirst()
        return row === undefined
          ? undefined
          : new Uint8Array(row.data.buffer, row.data.byteOffset, row.data.byteLength)
      }),
    delete: (id) =>
      guard(ctx, 's3 blob', async () => {
        await db.deleteFrom('s3_blobs').where('id', '=', id).execute()
      }),
  }
}
