import { sql } from 'kysely'
import type { AttachmentRecord, AttachmentRepository, PrincipalKind } from '../ports/index.js'
import { iso, time } from './columns.js'
import { guard, type RepoContext } from './context.js'

interface JoinedRow {
  principal_id: string
  principal_kind: string
  policy_id: string
  attached_at: string
  arn: string
  name: string
}

const toAttachment = (row: JoinedRow): AttachmentRecord => ({
  principal: { kind: row.principal_kind as PrincipalKind, id: row.principal_id },
  policyId: row.policy_id,
  policyArn: row.arn,
  policyName: row.name,
  attachedAt: time(row.attached_at),
})

/** Managed-policy attachments over Kysely. */
export function attachmentRepository(ctx: RepoContext): AttachmentRepository {
  const { db } = ctx
  const joined = () =>
    db
      .selectFrom('policy_attachments as a')
      .innerJoin('managed_policies as p', 'p.id', 'a.policy_id')
      .select([
        'a.principal_id',
        'a.principal_kind',
        'a.policy_id',
        'a.attached_at',
        'p.arn',
        'p.name',
        'p.name_key',
      ])
  return {
    attach: (principal, policyId, at) =>
      guard(ctx, 'policy attachment', async () => {
        const result = await db
          .insertInto('policy_attachments')
          .values({
            principal_id: principal.id,
            principal_kind: principal.kind,
            policy_id: policyId,
            attached_at: iso(at),
          })
          .onConflict((oc) => oc.columns(['principal_id', 'policy_id']).doNothing())
          .executeTakeFirst()
        return (result.numInsertedOrUpdatedRows ?? 0n) > 0n
      }),
    detach: (principal, policyId) =>
      guard(ctx, 'policy attachment', async () => {
        const result = await db
          .deleteFrom('policy_attachments')
          .where('principal_id', '=', principal.id)
          .where('policy_id', '=', policyId)
          .executeTakeFirst()
        return result.numDeletedRows > 0n
      }),
    listForPrincipal: (principal) =>
      guard(ctx, 'policy attachment', async () => {
        const rows = await joined()
          .where('a.principal_id', '=', principal.id)
          .orderBy('p.name_key')
          .orderBy('p.id')
          .execute()
        return rows.map(toAttachment)
      }),
    listForPrincipals: (principals) =>
      guard(ctx, 'policy attachment', async () => {
        if (principals.length === 0) return []
        const rows = await joined()
          .where(
            'a.principal_id',
            'in',
            principals.map((p) => p.id),
          )
          .orderBy('a.principal_id')
          .orderBy('p.name_key')
          .orderBy('p.id')
          .execute()
        return rows.map(toAttachment)
      }),
    listForPolicy: (policyId) =>
      guard(ctx, 'policy attachment', async () => {
        const rows = await joined()
          .leftJoin('users as u', 'u.id', 'a.principal_id')
          .leftJoin('groups as g', 'g.id', 'a.principal_id')
          .leftJoin('roles as r', 'r.id', 'a.principal_id')
          .select(sql<string>`coalesce(u.name, g.name, r.name, '')`.as('principal_name'))
          .select(sql<string>`coalesce(u.name_key, g.name_key, r.name_key, '')`.as('principal_key'))
          .where('a.policy_id', '=', policyId)
          .orderBy('a.principal_kind')
          .orderBy('principal_key')
          .execute()
        return rows.map((row) => Object.assign(toAttachment(row), { principalName: row.principal_name }))
      }),
  }
}
