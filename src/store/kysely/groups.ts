import type { Kysely } from 'kysely'
import type { GroupRecord, GroupRepository } from '../ports/index.js'
import { iso, nameKey, time } from './columns.js'
import { guard, inTx, type RepoContext } from './context.js'
import type { Database } from './database.js'
import { afterCursor, decodeCursor, startsWith, toPage } from './paging.js'
import { deletePrincipalPolicies } from './principal-cleanup.js'
import { toUser } from './users.js'

const toGroup = (row: Database['groups']): GroupRecord => ({
  id: row.id,
  accountId: row.account_id,
  name: row.name,
  path: row.path,
  createdAt: time(row.created_at),
})

const getGroup = async (db: Kysely<Database>, id: string) => {
  const row = await db.selectFrom('groups').selectAll().where('id', '=', id).executeTakeFirst()
  return row && toGroup(row)
}

/** IAM groups and memberships over Kysely. */
export function groupRepository(ctx: RepoContext): GroupRepository {
  const { db } = ctx
  return {
    insert: (group) =>
      guard(ctx, 'group', async () => {
        const row: Database['groups'] = {
          id: group.id,
          account_id: group.accountId,
          name: group.name,
          name_key: nameKey(group.name),
          path: group.path,
          created_at: iso(group.createdAt),
        }
        await db.insertInto('groups').values(row).execute()
        return toGroup(row)
      }),
    get: (id) => guard(ctx, 'group', () => getGroup(db, id)),
    getByName: (accountId, name) =>
      guard(ctx, 'group', async () => {
        const row = await db
          .selectFrom('groups')
          .selectAll()
          .where('account_id', '=', accountId)
          .where('name_key', '=', nameKey(name))
          .executeTakeFirst()
        return row && toGroup(row)
      }),
    list: (accountId, { pathPrefix, after, limit }) =>
      guard(ctx, 'group', async () => {
        const cursor = decodeCursor(after)
        const rows = await db
          .selectFrom('groups')
          .selectAll()
          .where('account_id', '=', accountId)
          .$if(pathPrefix !== undefined, (q) => q.where((eb) => startsWith(eb, 'path', pathPrefix!)))
          .$if(cursor !== undefined, (q) => q.where((eb) => afterCursor(eb, 'name_key', 'id', cursor!)))
          // name_key is unique per account, so the unique index serves the order.
          .orderBy('name_key')
          .limit(limit + 1)
          .execute()
        return toPage(rows, limit, (r) => [r.name_key, r.id], toGroup)
      }),
    count: (accountId) =>
      guard(ctx, 'group', async () => {
        const row = await db
          .selectFrom('groups')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('account_id', '=', accountId)
          .executeTakeFirstOrThrow()
        return Number(row.n)
      }),
    update: (id, patch) =>
      guard(ctx, 'group', async () => {
        const set: Partial<Database['groups']> = {}
        if (patch.name !== undefined) Object.assign(set, { name: patch.name, name_key: nameKey(patch.name) })
        if (patch.path !== undefined) set.path = patch.path
        if (Object.keys(set).length > 0)
          await db.updateTable('groups').set(set).where('id', '=', id).execute()
        return getGroup(db, id)
      }),
    delete: (id) =>
      guard(ctx, 'group', () =>
        inTx(db, async (tx) => {
          await deletePrincipalPolicies(tx, id)
          const result = await tx.deleteFrom('groups').where('id', '=', id).executeTakeFirst()
          return result.numDeletedRows > 0n
        }),
      ),
    addMember: (groupId, userId, at) =>
      guard(ctx, 'group membership', async () => {
        const result = await db
          .insertInto('group_members')
          .values({ group_id: groupId, user_id: userId, added_at: iso(at) })
          .onConflict((oc) => oc.columns(['group_id', 'user_id']).doNothing())
          .executeTakeFirst()
        return (result.numInsertedOrUpdatedRows ?? 0n) > 0n
      }),
    removeMember: (groupId, userId) =>
      guard(ctx, 'group membership', async () => {
        const result = await db
          .deleteFrom('group_members')
          .where('group_id', '=', groupId)
          .where('user_id', '=', userId)
          .executeTakeFirst()
        return result.numDeletedRows > 0n
      }),
    listMembers: (groupId) =>
      guard(ctx, 'group membership', async () => {
        const rows = await db
          .selectFrom('group_members')
          .innerJoin('users', 'users.id', 'group_members.user_id')
          .selectAll('users')
          .where('group_members.group_id', '=', groupId)
          .orderBy('users.name_key')
          .execute()
        return rows.map(toUser)
      }),
    listForUser: (userId) =>
      guard(ctx, 'group membership', async () => {
        const rows = await db
          .selectFrom('group_members')
          .innerJoin('groups', 'groups.id', 'group_members.group_id')
          .selectAll('groups')
          .where('group_members.user_id', '=', userId)
          .orderBy('groups.name_key')
          .execute()
        return rows.map(toGroup)
      }),
  }
}
