import type { Kysely } from 'kysely'
import type { LoginProfileRecord, LoginProfileRepository } from '../ports/index.js'
import { iso, time } from './columns.js'
import { guard, type RepoContext } from './context.js'
import type { Database } from './database.js'

const toProfile = (row: Database['login_profiles']): LoginProfileRecord => ({
  userId: row.user_id,
  passwordHash: row.password_hash,
  passwordResetRequired: Number(row.password_reset_required) === 1,
  createdAt: time(row.created_at),
})

const getProfile = async (db: Kysely<Database>, userId: string) => {
  const row = await db
    .selectFrom('login_profiles')
    .selectAll()
    .where('user_id', '=', userId)
    .executeTakeFirst()
  return row && toProfile(row)
}

/** Login profiles over Kysely. */
export function loginProfileRepository(ctx: RepoContext): LoginProfileRepository {
  const { db } = ctx
  return {
    insert: (profile) =>
      guard(ctx, 'login profile', async () => {
        const row: Database['login_profiles'] = {
          user_id: profile.userId,
          password_hash: profile.passwordHash,
          password_reset_required: profile.passwordResetRequired ? 1 : 0,
          created_at: iso(profile.createdAt),
        }
        await db.insertInto('login_profiles').values(row).execute()
        return toProfile(row)
      }),
    get: (userId) => guard(ctx, 'login profile', () => getProfile(db, userId)),
    update: (userId, patch) =>
      guard(ctx, 'login profile', async () => {
        const set: Partial<Database['login_profiles']> = {}
        if (patch.passwordHash !== undefined) set.password_hash = patch.passwordHash
        if (patch.passwordResetRequired !== undefined)
          set.password_reset_required = patch.passwordResetRequired ? 1 : 0
        if (Object.keys(set).length > 0)
          await db.updateTable('login_profiles').set(set).where('user_id', '=', userId).execute()
        return getProfile(db, userId)
      }),
    delete: (userId) =>
      guard(ctx, 'login profile', async () => {
        const result = await db.deleteFrom('login_profiles').where('user_id', '=', userId).executeTakeFirst()
        return result.numDeletedRows > 0n
      }),
  }
}
