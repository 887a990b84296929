import type { SettingsRepository } from '../ports/index.js'
import { iso } from './columns.js'
import { guard, type RepoContext } from './context.js'
import { startsWith } from './paging.js'

/** The sealing context binds a sealed setting to its scope and key. */
const context = (scope: string, key: string) => `setting:${scope}:${key}`

/** Key-value settings over Kysely. */
export function settingsRepository(ctx: RepoContext): SettingsRepository {
  const { db, sealer } = ctx
  const read = async (scope: string, key: string) => {
    const row = await db
      .selectFrom('settings')
      .select('value')
      .where('scope', '=', scope)
      .where('key', '=', key)
      .executeTakeFirst()
    return row?.value
  }
  const write = async (scope: string, key: string, value: string, at: Date) => {
    const updated_at = iso(at)
    await db
      .insertInto('settings')
      .values({ scope, key, value, updated_at })
      .onConflict((oc) => oc.columns(['scope', 'key']).doUpdateSet({ value, updated_at }))
      .execute()
  }
  return {
    get: (scope, key) => guard(ctx, 'setting', () => read(scope, key)),
    put: (scope, key, value, at) => guard(ctx, 'setting', () => write(scope, key, value, at)),
    putSecret: (scope, key, value, at) =>
      guard(ctx, 'setting', () => write(scope, key, sealer.seal(value, context(scope, key)), at)),
    getSecret: (scope, key) =>
      guard(ctx, 'setting', async () => {
        const sealed = await read(scope, key)
        return sealed === undefined ? undefined : sealer.open(sealed, context(scope, key))
      }),
    listKeys: (scope, prefix) =>
      guard(ctx, 'setting', async () => {
        const rows = await db
          .selectFrom('settings')
          .select('key')
          .where('scope', '=', scope)
          .$if(prefix !== undefined, (q) => q.where((eb) => startsWith(eb, 'key', prefix!)))
          .orderBy('key')
          .execute()
        return rows.map((r) => r.key)
      }),
    putIfAbsent: (scope, key, value, at) =>
      guard(ctx, 'setting', async () => {
        const result = await db
          .insertInto('settings')
          .values({ scope, key, value, updated_at: iso(at) })
          .onConflict((oc) => oc.columns(['scope', 'key']).doNothing())
          .executeTakeFirst()
        return (result.numInsertedOrUpdatedRows ?? 0n) > 0n
      }),
    delete: (scope, key) =>
      guard(ctx, 'setting', async () => {
        const result = await db
          .deleteFrom('settings')
          .where('scope', '=', scope)
          .where('key', '=', key)
          .executeTakeFirst()
        return result.numDeletedRows > 0n
      }),
  }
}
