import type { InlinePolicyRecord, InlinePolicyRepository, PrincipalKind } from '../ports/index.js'
import { iso, time } from './columns.js'
import { guard, type RepoContext } from './context.js'
import type { Database } from './database.js'

const toInline = (row: Database['inline_policies']): InlinePolicyRecord => ({
  owner: { kind: row.principal_kind as PrincipalKind, id: row.principal_id },
  name: row.name,
  document: row.document,
  createdAt: time(row.created_at),
  updatedAt: time(row.updated_at),
})

/** Inline policies over Kysely. */
export function inlinePolicyRepository(ctx: RepoContext): InlinePolicyRepository {
  const { db } = ctx
  const select = (ownerId: string) =>
    db.selectFrom('inline_policies').selectAll().where('principal_id', '=', ownerId)
  return {
    put: (owner, name, document, at) =>
      guard(ctx, 'inline policy', async () => {
        const now = iso(at)
        await db
          .insertInto('inline_policies')
          .values({
            principal_id: owner.id,
            principal_kind: owner.kind,
            name,
            document,
            created_at: now,
            updated_at: now,
          })
          .onConflict((oc) => oc.columns(['principal_id', 'name']).doUpdateSet({ document, updated_at: now }))
          .execute()
        return toInline((await select(owner.id).where('name', '=', name).executeTakeFirst())!)
      }),
    get: (owner, name) =>
      guard(ctx, 'inline policy', async () => {
        const row = await select(owner.id).where('name', '=', name).executeTakeFirst()
        return row && toInline(row)
      }),
    list: (owner) =>
      guard(ctx, 'inline policy', async () =>
        (await select(owner.id).orderBy('name').execute()).map(toInline),
      ),
    listForOwners: (owners) =>
      guard(ctx, 'inline policy', async () => {
        if (owners.length === 0) return []
        const rows = await db
          .selectFrom('inline_policies')
          .selectAll()
          .where(
            'principal_id',
            'in',
            owners.map((o) => o.id),
          )
          .orderBy('principal_id')
          .orderBy('name')
          .execute()
        return rows.map(toInline)
      }),
    delete: (owner, name) =>
      guard(ctx, 'inline policy', async () => {
        const result = await db
          .deleteFrom('inline_policies')
          .where('principal_id', '=', owner.id)
          .where('name', '=', name)
          .executeTakeFirst()
        return result.numDeletedRows > 0n
      }),
  }
}
