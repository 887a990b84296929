import type { Kysely } from 'kysely'
import type { InstanceProfileRecord, InstanceProfileRepository } from '../ports/index.js'
import { iso, nameKey, parseTags, tagsJson, time } from './columns.js'
import { guard, type RepoContext } from './context.js'
import type { Database } from './database.js'
import { afterCursor, decodeCursor, startsWith, toPage } from './paging.js'

type Row = Database['instance_profiles']

/** Loads the role ids of the given profiles and maps the rows to records. */
async function withRoles(db: Kysely<Database>, rows: readonly Row[]): Promise<InstanceProfileRecord[]> {
  if (rows.length === 0) return []
  const links = await db
    .selectFrom('instance_profile_roles')
    .select(['instance_profile_id', 'role_id'])
    .where(
      'instance_profile_id',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('added_at')
    .orderBy('role_id')
    .execute()
  return rows.map((row) => ({
    id: row.id,
    accountId: row.account_id,
    name: row.name,
    path: row.path,
    roleIds: links.filter((l) => l.instance_profile_id === row.id).map((l) => l.role_id),
    tags: parseTags(row.tags),
    createdAt: time(row.created_at),
  }))
}

/** Instance profiles over Kysely. */
export function instanceProfileRepository(ctx: RepoContext): InstanceProfileRepository {
  const { db } = ctx
  const one = async (row: Row | undefined) =>
    row === undefined ? undefined : (await withRoles(db, [row]))[0]
  return {
    insert: (profile) =>
      guard(ctx, 'instance profile', async () => {
        const row: Row = {
          id: profile.id,
          account_id: profile.accountId,
          name: profile.name,
          name_key: nameKey(profile.name),
          path: profile.path,
          tags: tagsJson(profile.tags),
          created_at: iso(profile.createdAt),
        }
        await db.insertInto('instance_profiles').values(row).execute()
        return (await one(row))!
      }),
    get: (id) =>
      guard(ctx, 'instance profile', async () =>
        one(await db.selectFrom('instance_profiles').selectAll().where('id', '=', id).executeTakeFirst()),
      ),
    getByName: (accountId, name) =>
      guard(ctx, 'instance profile', async () =>
        one(
          await db
            .selectFrom('instance_profiles')
            .selectAll()
            .where('account_id', '=', accountId)
            .where('name_key', '=', nameKey(name))
            .executeTakeFirst(),
        ),
      ),
    list: (accountId, { pathPrefix, after, limit }) =>
      guard(ctx, 'instance profile', async () => {
        const cursor = decodeCursor(after)
        const rows = await db
          .selectFrom('instance_profiles')
          .selectAll()
          .where('account_id', '=', accountId)
          .$if(pathPrefix !== undefined, (q) => q.where((eb) => startsWith(eb, 'path', pathPrefix!)))
          .$if(cursor !== undefined, (q) => q.where((eb) => afterCursor(eb, 'name_key', 'id', cursor!)))
          // name_key is unique per account, so the unique index serves the order.
          .orderBy('name_key')
          .limit(limit + 1)
          .execute()
        const page = toPage(
          rows,
          limit,
          (r) => [r.name_key, r.id],
          (r) => r,
        )
        return Object.assign({}, page, { items: await withRoles(db, page.items) })
      }),
    listForRole: (roleId) =>
      guard(ctx, 'instance profile', async () => {
        const rows = await db
          .selectFrom('instance_profile_roles as l')
          .innerJoin('instance_profiles as p', 'p.id', 'l.instance_profile_id')
          .selectAll('p')
          .where('l.role_id', '=', roleId)
          .orderBy('p.name_key')
          .execute()
        return withRoles(db, rows)
      }),
    addRole: (profileId, roleId, at) =>
      guard(ctx, 'instance profile role', async () => {
        const result = await db
          .insertInto('instance_profile_roles')
          .values({ instance_profile_id: profileId, role_id: roleId, added_at: iso(at) })
          .onConflict((oc) => oc.columns(['instance_profile_id', 'role_id']).doNothing())
          .executeTakeFirst()
        return (result.numInsertedOrUpdatedRows ?? 0n) > 0n
      }),
    removeRole: (profileId, roleId) =>
      guard(ctx, 'instance profile role', async () => {
        const result = await db
          .deleteFrom('instance_profile_roles')
          .where('instance_profile_id', '=', profileId)
          .where('role_id', '=', roleId)
          .executeTakeFirst()
        return result.numDeletedRows > 0n
      }),
    setTags: (id, tags) =>
      guard(ctx, 'instance profile', async () => {
        const result = await db
          .updateTable('instance_profiles')
          .set({ tags: tagsJson(tags) })
          .where('id', '=', id)
          .executeTakeFirst()
        return result.numUpdatedRows > 0n
      }),
    delete: (id) =>
      guard(ctx, 'instance profile', async () => {
        const result = await db.deleteFrom('instance_profiles').where('id', '=', id).executeTakeFirst()
        return result.numDeletedRows > 0n
      }),
  }
}
