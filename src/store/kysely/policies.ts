import type { ExpressionBuilder, Kysely } from 'kysely'
import type { ManagedPolicyRepository, ManagedPolicyView, PolicyVersionRecord } from '../ports/index.js'
import { iso, nameKey, num, opt, parseTags, tagsJson, time } from './columns.js'
import { guard, inTx, type RepoContext } from './context.js'
import type { Database } from './database.js'
import { afterCursor, decodeCursor, startsWith, toPage } from './paging.js'

type PolicyRow = Database['managed_policies'] & {
  attachment_count: unknown
  boundary_users: unknown
  boundary_roles: unknown
}
type P = ExpressionBuilder<Database & { p: Database['managed_policies'] }, 'p'>

/** Attachments of the policy; with `viewer`, only those of that account's users, groups and roles. */
const attached = (eb: P, viewer?: string) =>
  eb
    .selectFrom('policy_attachments as a')
    .whereRef('a.policy_id', '=', 'p.id')
    .$if(viewer !== undefined, (q) =>
      q.where((e) =>
        e.or(
          (['users', 'groups', 'roles'] as const).map((table) =>
            e('a.principal_id', 'in', e.selectFrom(table).select('id').where('account_id', '=', viewer!)),
          ),
        ),
      ),
    )
const boundaryOfUsers = (eb: P, viewer?: string) =>
  eb
    .selectFrom('users as u')
    .whereRef('u.permissions_boundary_arn', '=', 'p.arn')
    .$if(viewer !== undefined, (q) => q.where('u.account_id', '=', viewer!))
const boundaryOfRoles = (eb: P, viewer?: string) =>
  eb
    .selectFrom('roles as r')
    .whereRef('r.permissions_boundary_arn', '=', 'p.arn')
    .$if(viewer !== undefined, (q) => q.where('r.account_id', '=', viewer!))

const toPolicy = (row: PolicyRow): ManagedPolicyView => ({
  id: row.id,
  accountId: row.account_id,
  arn: row.arn,
  name: row.name,
  path: row.path,
  description: opt(row.description),
  defaultVersionId: row.default_version_id,
  nextVersionNumber: Number(row.next_version_number),
  tags: parseTags(row.tags),
  createdAt: time(row.created_at),
  updatedAt: time(row.updated_at),
  attachmentCount: num(row.attachment_count as string),
  permissionsBoundaryUsageCount: num(row.boundary_users as string) + num(row.boundary_roles as string),
})

const selectPolicies = (db: Kysely<Database>, viewer?: string) =>
  db
    .selectFrom('managed_policies as p')
    .selectAll('p')
    .select((eb) => [
      attached(eb, viewer)
        .select((e) => e.fn.countAll().as('n'))
        .as('attachment_count'),
      boundaryOfUsers(eb, viewer)
        .select((e) => e.fn.countAll().as('n'))
        .as('boundary_users'),
      boundaryOfRoles(eb, viewer)
        .select((e) => e.fn.countAll().as('n'))
        .as('boundary_roles'),
    ])

const getBy = async (db: Kysely<Database>, column: 'p.id' | 'p.arn', value: string, viewer?: string) => {
  const row = await selectPolicies(db, viewer).where(column, '=', value).executeTakeFirst()
  return row && toPolicy(row)
}

const toVersion = (row: Database['policy_versions'], defaultVersionId: string): PolicyVersionRecord => ({
  policyId: row.policy_id,
  versionId: row.version_id,
  document: row.document,
  isDefault: row.version_id === defaultVersionId,
  createdAt: time(row.created_at),
})

/** Managed policies and versions over Kysely. */
export function policyRepository(ctx: RepoContext): ManagedPolicyRepository {
  const { db } = ctx
  return {
    insert: (policy) =>
      guard(ctx, 'policy', () =>
        inTx(db, async (tx) => {
          const at = iso(policy.createdAt)
          await tx
            .insertInto('managed_policies')
            .values({
              id: policy.id,
              account_id: policy.accountId,
              arn: policy.arn,
              name: policy.name,
              name_key: nameKey(policy.name),
              path: policy.path,
              description: policy.description ?? null,
              default_version_id: 'v1',
              next_version_number: 2,
              tags: tagsJson(policy.tags),
              created_at: at,
              updated_at: at,
            })
            .execute()
          await tx
            .insertInto('policy_versions')
            .values({ policy_id: policy.id, version_id: 'v1', document: policy.document, created_at: at })
            .execute()
          return (await getBy(tx, 'p.id', policy.id))!
        }),
      ),
    get: (id) => guard(ctx, 'policy', () => getBy(db, 'p.id', id)),
    getByArn: (arn, viewer) => guard(ctx, 'policy', () => getBy(db, 'p.arn', arn, viewer)),
    list: ({ accountIds, pathPrefix, usedAs, viewerAccountId: viewer, after, limit }) =>
      guard(ctx, 'policy', async () => {
        if (accountIds.length === 0) return { items: [] }
        const cursor = decodeCursor(after)
        const rows = await selectPolicies(db, viewer)
          .where('p.account_id', 'in', accountIds)
          .$if(pathPrefix !== undefined, (q) => q.where((eb) => startsWith(eb, 'p.path', pathPrefix!)))
          .$if(usedAs !== undefined, (q) =>
            q.where((eb) => {
              const asPermissions = eb.exists(attached(eb, viewer).select('a.policy_id'))
              const asBoundary = eb.or([
                eb.exists(boundaryOfUsers(eb, viewer).select('u.id')),
                eb.exists(boundaryOfRoles(eb, viewer).select('r.id')),
              ])
              if (usedAs === 'permissions') return asPermissions
              if (usedAs === 'boundary') return asBoundary
              return eb.or([asPermissions, asBoundary])
            }),
          )
          .$if(cursor !== undefined, (q) => q.where((eb) => afterCursor(eb, 'p.name_key', 'p.id', cursor!)))
          .orderBy('p.name_key')
          .orderBy('p.id')
          .limit(limit + 1)
          .execute()
        return toPage(rows, limit, (r) => [r.name_key, r.id], toPolicy)
      }),
    count: (accountId) =>
      guard(ctx, 'policy', async () => {
        const row = await db
          .selectFrom('managed_policies')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('account_id', '=', accountId)
          .executeTakeFirstOrThrow()
        return Number(row.n)
      }),
    setTags: (id, tags) =>
      guard(ctx, 'policy', async () => {
        const result = await db
          .updateTable('managed_policies')
          .set({ tags: tagsJson(tags) })
          .where('id', '=', id)
          .executeTakeFirst()
        return result.numUpdatedRows > 0n
      }),
    delete: (id) =>
      guard(
        ctx,
        'policy',
        async () =>
          (await db.deleteFrom('managed_policies').where('id', '=', id).executeTakeFirst()).numDeletedRows >
          0n,
        'in-use',
      ),
    addVersion: (policyId, { document, setAsDefault, createdAt }) =>
      guard(ctx, 'policy version', () =>
        inTx(db, async (tx) => {
          // The increment locks the policy row, so concurrent writers get distinct version ids.
          const bumped = await tx
            .updateTable('managed_policies')
            .set((eb) => ({ next_version_number: eb('next_version_number', '+', 1) }))
            .where('id', '=', policyId)
            .returning(['next_version_number', 'default_version_id'])
            .executeTakeFirst()
          if (bumped === undefined) return undefined
          const row = {
            policy_id: policyId,
            version_id: `v${Number(bumped.next_version_number) - 1}`,
            document,
            created_at: iso(createdAt),
          }
          await tx.insertInto('policy_versions').values(row).execute()
          if (setAsDefault) {
            await tx
              .updateTable('managed_policies')
              .set({ default_version_id: row.version_id, updated_at: row.created_at })
              .where('id', '=', policyId)
              .execute()
          }
          return toVersion(row, setAsDefault ? row.version_id : bumped.default_version_id)
        }),
      ),
    getVersion: (policyId, versionId) =>
      guard(ctx, 'policy version', async () => {
        const row = await db
          .selectFrom('policy_versions as v')
          .innerJoin('managed_policies as p', 'p.id', 'v.policy_id')
          .selectAll('v')
          .select('p.default_version_id')
          .where('v.policy_id', '=', policyId)
          .where('v.version_id', '=', versionId)
          .executeTakeFirst()
        return row && toVersion(row, row.default_version_id)
      }),
    listVersions: (policyId) =>
      guard(ctx, 'policy version', async () => {
        const rows = await db
          .selectFrom('policy_versions as v')
          .innerJoin('managed_policies as p', 'p.id', 'v.policy_id')
          .selectAll('v')
          .select('p.default_version_id')
          .where('v.policy_id', '=', policyId)
          .execute()
        const n = (r: { version_id: string }) => Number.parseInt(r.version_id.slice(1), 10)
        return rows.sort((a, b) => n(b) - n(a)).map((r) => toVersion(r, r.default_version_id))
      }),
    getDefaultVersions: (arns) =>
      guard(ctx, 'policy version', async () => {
        if (arns.length === 0) return []
        const rows = await db
          .selectFrom('managed_policies as p')
          .innerJoin('policy_versions as v', (join) =>
            join.onRef('v.policy_id', '=', 'p.id').onRef('v.version_id', '=', 'p.default_version_id'),
          )
          .selectAll('v')
          .select(['p.arn', 'p.default_version_id'])
          .where('p.arn', 'in', [...new Set(arns)])
          .orderBy('p.arn')
          .execute()
        return rows.map((r) => Object.assign(toVersion(r, r.default_version_id), { arn: r.arn }))
      }),
    setDefaultVersion: (policyId, versionId, at) =>
      guard(ctx, 'policy version', async () => {
        const result = await db
          .updateTable('managed_policies')
          .set({ default_version_id: versionId, updated_at: iso(at) })
          .where('id', '=', policyId)
          .where((eb) =>
            eb.exists(
              eb
                .selectFrom('policy_versions as v')
                .select('v.version_id')
                .where('v.policy_id', '=', policyId)
                .where('v.version_id', '=', versionId),
            ),
          )
          .executeTakeFirst()
        return result.numUpdatedRows > 0n
      }),
    deleteVersion: (policyId, versionId) =>
      guard(ctx, 'policy version', async () => {
        const result = await db
          .deleteFrom('policy_versions')
          .where('policy_id', '=', policyId)
          .where('version_id', '=', versionId)
          .executeTakeFirst()
        return result.numDeletedRows > 0n
      }),
  }
}
