import type { Kysely } from 'kysely'
import type { UserRecord, UserRepository } from '../ports/index.js'
import { iso, isoOrNull, nameKey, opt, parseTags, tagsJson, time, timeOrUndefined } from './columns.js'
import { guard, inTx, type RepoContext } from './context.js'
import type { Database } from './database.js'
import { afterCursor, decodeCursor, startsWith, toPage } from './paging.js'
import { precompiled } from './precompiled.js'
import { deletePrincipalPolicies } from './principal-cleanup.js'

/** Maps a `users` row to its record. */
export const toUser = (row: Database['users']): UserRecord => ({
  id: row.id,
  accountId: row.account_id,
  name: row.name,
  path: row.path,
  permissionsBoundaryArn: opt(row.permissions_boundary_arn),
  tags: parseTags(row.tags),
  createdAt: time(row.created_at),
  passwordLastUsedAt: timeOrUndefined(row.password_last_used_at),
})

const getUser = async (db: Kysely<Database>, id: string) => {
  const row = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst()
  return row && toUser(row)
}

/** The user of an account by name: looked up on most requests that name one. */
const byName = precompiled<[string, string], Database['users']>(2, (db, account, key) =>
  db.selectFrom('users').selectAll().where('account_id', '=', account).where('name_key', '=', key),
)

/** IAM users over Kysely. */
export function userRepository(ctx: RepoContext): UserRepository {
  const { db } = ctx
  return {
    insert: (user) =>
      guard(ctx, 'user', async () => {
        const row: Database['users'] = {
          id: user.id,
          account_id: user.accountId,
          name: user.name,
          name_key: nameKey(user.name),
          path: user.path,
          permissions_boundary_arn: user.permissionsBoundaryArn ?? null,
          tags: tagsJson(user.tags),
          created_at: iso(user.createdAt),
          password_last_used_at: null,
        }
        await db.insertInto('users').values(row).execute()
        return toUser(row)
      }),
    get: (id) => guard(ctx, 'user', () => getUser(db, id)),
    getByName: (accountId, name) =>
      guard(ctx, 'user', async () => {
        const row = (await db.executeQuery(byName(ctx, accountId, nameKey(name)))).rows[0]
        return row && toUser(row)
      }),
    list: (accountId, { pathPrefix, after, limit }) =>
      guard(ctx, 'user', async () => {
        const cursor = decodeCursor(after)
        const rows = await db
          .selectFrom('users')
          .selectAll()
          .where('account_id', '=', accountId)
          .$if(pathPrefix !== undefined, (q) => q.where((eb) => startsWith(eb, 'path', pathPrefix!)))
          .$if(cursor !== undefined, (q) => q.where((eb) => afterCursor(eb, 'name_key', 'id', cursor!)))
          // name_key is unique per account, so the unique index serves the order.
          .orderBy('name_key')
          .limit(limit + 1)
          .execute()
        return toPage(rows, limit, (r) => [r.name_key, r.id], toUser)
      }),
    count: (accountId) =>
      guard(ctx, 'user', async () => {
        const row = await db
          .selectFrom('users')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('account_id', '=', accountId)
          .executeTakeFirstOrThrow()
        return Number(row.n)
      }),
    update: (id, patch) =>
      guard(ctx, 'user', async () => {
        const set: Partial<Database['users']> = {}
        if (patch.name !== undefined) Object.assign(set, { name: patch.name, name_key: nameKey(patch.name) })
        if (patch.path !== undefined) set.path = patch.path
        if (patch.permissionsBoundaryArn !== undefined)
          set.permissions_boundary_arn = patch.permissionsBoundaryArn
        if (patch.tags !== undefined) set.tags = tagsJson(patch.tags)
        if (patch.passwordLastUsedAt !== undefined)
          set.password_last_used_at = isoOrNull(patch.passwordLastUsedAt)
        if (Object.keys(set).length > 0) await db.updateTable('users').set(set).where('id', '=', id).execute()
        return getUser(db, id)
      }),
    delete: (id) =>
      guard(ctx, 'user', () =>
        inTx(db, async (tx) => {
          await deletePrincipalPolicies(tx, id)
          const result = await tx.deleteFrom('users').where('id', '=', id).executeTakeFirst()
          return result.numDeletedRows > 0n
        }),
      ),
  }
}
