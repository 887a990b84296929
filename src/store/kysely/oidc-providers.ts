import type { OidcProviderRecord, OidcProviderRepository } from '../ports/index.js'
import { iso, listJson, parseList, parseTags, tagsJson, time } from './columns.js'
import { guard, type RepoContext } from './context.js'
import type { Database } from './database.js'

const toProvider = (row: Database['oidc_providers']): OidcProviderRecord => ({
  arn: row.arn,
  accountId: row.account_id,
  url: row.url,
  clientIds: parseList(row.client_ids),
  thumbprints: parseList(row.thumbprints),
  tags: parseTags(row.tags),
  createdAt: time(row.created_at),
})

/** OIDC providers over Kysely. */
export function oidcProviderRepository(ctx: RepoContext): OidcProviderRepository {
  const { db } = ctx
  const getByArn = async (arn: string) => {
    const row = await db.selectFrom('oidc_providers').selectAll().where('arn', '=', arn).executeTakeFirst()
    return row && toProvider(row)
  }
  return {
    insert: (provider) =>
      guard(ctx, 'OIDC provider', async () => {
        const row: Database['oidc_providers'] = {
          arn: provider.arn,
          account_id: provider.accountId,
          url: provider.url,
          client_ids: listJson(provider.clientIds),
          thumbprints: listJson(provider.thumbprints),
          tags: tagsJson(provider.tags),
          created_at: iso(provider.createdAt),
        }
        await db.insertInto('oidc_providers').values(row).execute()
        return toProvider(row)
      }),
    get: (arn) => guard(ctx, 'OIDC provider', () => getByArn(arn)),
    getByUrl: (accountId, url) =>
      guard(ctx, 'OIDC provider', async () => {
        const row = await db
          .selectFrom('oidc_providers')
          .selectAll()
          .where('account_id', '=', accountId)
          .where('url', '=', url)
          .executeTakeFirst()
        return row && toProvider(row)
      }),
    list: (accountId) =>
      guard(ctx, 'OIDC provider', async () => {
        const rows = await db
          .selectFrom('oidc_providers')
          .selectAll()
          .where('account_id', '=', accountId)
          .orderBy('arn')
          .execute()
        return rows.map(toProvider)
      }),
    update: (arn, patch) =>
      guard(ctx, 'OIDC provider', async () => {
        const set: Partial<Database['oidc_providers']> = {}
        if (patch.clientIds !== undefined) set.client_ids = listJson(patch.clientIds)
        if (patch.thumbprints !== undefined) set.thumbprints = listJson(patch.thumbprints)
        if (patch.tags !== undefined) set.tags = tagsJson(patch.tags)
        if (Object.keys(set).length > 0)
          await db.updateTable('oidc_providers').set(set).where('arn', '=', arn).execute()
        return getByArn(arn)
      }),
    delete: (arn) =>
      guard(ctx, 'OIDC provider', async () => {
        const result = await db.deleteFrom('oidc_providers').where('arn', '=', arn).executeTakeFirst()
        return result.numDeletedRows > 0n
      }),
  }
}
