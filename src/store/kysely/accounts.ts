import type { AccountRecord, AccountRepository } from '../ports/index.js'
import { iso, time } from './columns.js'
import { guard, type RepoContext } from './context.js'
import type { Database } from './database.js'

const toAccount = (row: Database['accounts']): AccountRecord => ({
  id: row.id,
  name: row.name,
  ...(row.alias === null ? {} : { alias: row.alias }),
  createdAt: time(row.created_at),
})

/** Accounts over Kysely. */
export function accountRepository(ctx: RepoContext): AccountRepository {
  const { db } = ctx
  return {
    insert: (account) =>
      guard(ctx, 'account', async () => {
        const row = {
          id: account.id,
          name: account.name,
          alias: account.alias ?? null,
          created_at: iso(account.createdAt),
        }
        await db.insertInto('accounts').values(row).execute()
        return toAccount(row)
      }),
    get: (id) =>
      guard(ctx, 'account', async () => {
        const row = await db.selectFrom('accounts').selectAll().where('id', '=', id).executeTakeFirst()
        return row && toAccount(row)
      }),
    getByAlias: (alias) =>
      guard(ctx, 'account', async () => {
        const row = await db.selectFrom('accounts').selectAll().where('alias', '=', alias).executeTakeFirst()
        return row && toAccount(row)
      }),
    list: () =>
      guard(ctx, 'account', async () =>
        (await db.selectFrom('accounts').selectAll().orderBy('id').execute()).map(toAccount),
      ),
    setAlias: (id, alias) =>
      guard(ctx, 'account alias', async () => {
        const result = await db
          .updateTable('accounts')
          .set({ alias: alias ?? null })
          .where('id', '=', id)
          .executeTakeFirst()
        return result.numUpdatedRows > 0n
      }),
  }
}
