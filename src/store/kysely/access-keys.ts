import type { AccessKeyRecord, AccessKeyRepository, AccessKeyStatus } from '../ports/index.js'
import type { Sealer } from '../secrets/index.js'
import { iso, opt, time, timeOrUndefined } from './columns.js'
import { guard, type RepoContext } from './context.js'
import type { Database } from './database.js'

/** The sealing context binds a sealed secret to its key id, so sealed values cannot be swapped between rows. */
const context = (id: string) => `access-key:${id}`

const toKey = (sealer: Sealer, row: Database['access_keys']): AccessKeyRecord => ({
  id: row.id,
  accountId: row.account_id,
  userId: opt(row.user_id),
  secretAccessKey: sealer.open(row.secret_sealed, context(row.id)),
  status: row.status as AccessKeyStatus,
  createdAt: time(row.created_at),
  lastUsedAt: timeOrUndefined(row.last_used_at),
  lastUsedService: opt(row.last_used_service),
  lastUsedRegion: opt(row.last_used_region),
})

/** Access keys over Kysely, with secrets sealed at rest. */
export function accessKeyRepository(ctx: RepoContext): AccessKeyRepository {
  const { db, sealer } = ctx
  const select = () => db.selectFrom('access_keys').selectAll()
  return {
    insert: (key) =>
      guard(ctx, 'access key', async () => {
        const row: Database['access_keys'] = {
          id: key.id,
          account_id: key.accountId,
          user_id: key.userId ?? null,
          secret_sealed: sealer.seal(key.secretAccessKey, context(key.id)),
          status: key.status,
          created_at: iso(key.createdAt),
          last_used_at: null,
          last_used_service: null,
          last_used_region: null,
        }
        await db.insertInto('access_keys').values(row).execute()
        return toKey(sealer, row)
      }),
    get: (id) =>
      guard(ctx, 'access key', async () => {
        const row = await select().where('id', '=', id).executeTakeFirst()
        return row && toKey(sealer, row)
      }),
    listForUser: (userId) =>
      guard(ctx, 'access key', async () => {
        const rows = await select()
          .where('user_id', '=', userId)
          .orderBy('created_at')
          .orderBy('id')
          .execute()
        return rows.map((r) => toKey(sealer, r))
      }),
    listForRoot: (accountId) =>
      guard(ctx, 'access key', async () => {
        const rows = await select()
          .where('account_id', '=', accountId)
          .where('user_id', 'is', null)
          .orderBy('created_at')
          .orderBy('id')
          .execute()
        return rows.map((r) => toKey(sealer, r))
      }),
    setStatus: (id, status) =>
      guard(ctx, 'access key', async () => {
        const result = await db
          .updateTable('access_keys')
          .set({ status })
          .where('id', '=', id)
          .executeTakeFirst()
        return result.numUpdatedRows > 0n
      }),
    recordUse: (id, at, service, region) =>
      guard(ctx, 'access key', async () => {
        const result = await db
          .updateTable('access_keys')
          .set({ last_used_at: iso(at), last_used_service: service, last_used_region: region })
          .where('id', '=', id)
          .executeTakeFirst()
        return result.numUpdatedRows > 0n
      }),
    delete: (id) =>
      guard(ctx, 'access key', async () => {
        const result = await db.deleteFrom('access_keys').where('id', '=', id).executeTakeFirst()
        return result.numDeletedRows > 0n
      }),
  }
}
