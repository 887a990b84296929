import type { Kysely } from 'kysely'
import type { RoleRecord, RoleRepository } from '../ports/index.js'
import { iso, nameKey, opt, parseTags, tagsJson, time, timeOrUndefined } from './columns.js'
import { guard, inTx, type RepoContext } from './context.js'
import type { Database } from './database.js'
import { afterCursor, decodeCursor, startsWith, toPage } from './paging.js'
import { precompiled } from './precompiled.js'
import { deletePrincipalPolicies } from './principal-cleanup.js'

const toRole = (row: Database['roles']): RoleRecord => ({
  id: row.id,
  accountId: row.account_id,
  name: row.name,
  path: row.path,
  trustPolicy: row.trust_policy,
  description: opt(row.description),
  maxSessionDuration: Number(row.max_session_duration),
  permissionsBoundaryArn: opt(row.permissions_boundary_arn),
  tags: parseTags(row.tags),
  createdAt: time(row.created_at),
  lastUsedAt: timeOrUndefined(row.last_used_at),
  lastUsedRegion: opt(row.last_used_region),
})

const getRole = async (db: Kysely<Database>, id: string) => {
  const row = await db.selectFrom('roles').selectAll().where('id', '=', id).executeTakeFirst()
  return row && toRole(row)
}

/** The role of an account by name: looked up on most requests that name one. */
const byName = precompiled<[string, string], Database['roles']>(2, (db, account, key) =>
  db.selectFrom('roles').selectAll().where('account_id', '=', account).where('name_key', '=', key),
)

/** IAM roles over Kysely. */
export function roleRepository(ctx: RepoContext): RoleRepository {
  const { db } = ctx
  return {
    insert: (role) =>
      guard(ctx, 'role', async () => {
        const row: Database['roles'] = {
          id: role.id,
          account_id: role.accountId,
          name: role.name,
          name_key: nameKey(role.name),
          path: role.path,
          trust_policy: role.trustPolicy,
          description: role.description ?? null,
          max_session_duration: role.maxSessionDuration,
          permissions_boundary_arn: role.permissionsBoundaryArn ?? null,
          tags: tagsJson(role.tags),
          created_at: iso(role.createdAt),
          last_used_at: null,
          last_used_region: null,
        }
        await db.insertInto('roles').values(row).execute()
        return toRole(row)
      }),
    get: (id) => guard(ctx, 'role', () => getRole(db, id)),
    getByName: (accountId, name) =>
      guard(ctx, 'role', async () => {
        const row = (await db.executeQuery(byName(ctx, accountId, nameKey(name)))).rows[0]
        return row && toRole(row)
      }),
    list: (accountId, { pathPrefix, after, limit }) =>
      guard(ctx, 'role', async () => {
        const cursor = decodeCursor(after)
        const rows = await db
          .selectFrom('roles')
          .selectAll()
          .where('account_id', '=', accountId)
          .$if(pathPrefix !== undefined, (q) => q.where((eb) => startsWith(eb, 'path', pathPrefix!)))
          .$if(cursor !== undefined, (q) => q.where((eb) => afterCursor(eb, 'name_key', 'id', cursor!)))
          // name_key is unique per account, so the unique index serves the order.
          .orderBy('name_key')
          .limit(limit + 1)
          .execute()
        return toPage(rows, limit, (r) => [r.name_key, r.id], toRole)
      }),
    count: (accountId) =>
      guard(ctx, 'role', async () => {
        const row = await db
          .selectFrom('roles')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('account_id', '=', accountId)
          .executeTakeFirstOrThrow()
        return Number(row.n)
      }),
    update: (id, patch) =>
      guard(ctx, 'role', async () => {
        const set: Partial<Database['roles']> = {}
        if (patch.trustPolicy !== undefined) set.trust_policy = patch.trustPolicy
        if (patch.description !== undefined) set.description = patch.description
        if (patch.maxSessionDuration !== undefined) set.max_session_duration = patch.maxSessionDuration
        if (patch.permissionsBoundaryArn !== undefined)
          set.permissions_boundary_arn = patch.permissionsBoundaryArn
        if (patch.tags !== undefined) set.tags = tagsJson(patch.tags)
        if (Object.keys(set).length > 0) await db.updateTable('roles').set(set).where('id', '=', id).execute()
        return getRole(db, id)
      }),
    recordUse: (id, at, region) =>
      guard(ctx, 'role', async () => {
        const result = await db
          .updateTable('roles')
          .set({ last_used_at: iso(at), last_used_region: region })
          .where('id', '=', id)
          .executeTakeFirst()
        return result.numUpdatedRows > 0n
      }),
    delete: (id) =>
      guard(ctx, 'role', () =>
        inTx(db, async (tx) => {
          await deletePrincipalPolicies(tx, id)
          const result = await tx.deleteFrom('roles').where('id', '=', id).executeTakeFirst()
          return result.numDeletedRows > 0n
        }),
      ),
  }
}
