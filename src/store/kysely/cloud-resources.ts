import type { ExpressionBuilder, Kysely, SelectQueryBuilder } from 'kysely'
import {
  type CloudResourceRecord,
  type CloudResourceRepository,
  StoreConflict,
  type Tag,
  type TagFilter,
} from '../ports/index.js'
import { iso, num, opt, parseTags, tagsJson, time } from './columns.js'
import { guard, inTx, type RepoContext } from './context.js'
import type { Database } from './database.js'
import { afterCursor, decodeCursor, toPage } from './paging.js'

type Row = Database['cloud_resources']
type Query = SelectQueryBuilder<Database, 'cloud_resources', Row>

const ENTITY = 'cloud resource'

const toRecord = <A>(row: Row): CloudResourceRecord<A> => {
  const parentId = opt(row.parent_id)
  return {
    arn: row.arn,
    accountId: row.account_id,
    region: row.region,
    service: row.service,
    type: row.type,
    id: row.id,
    ...(parentId === undefined ? {} : { parentId }),
    attributes: JSON.parse(row.attributes) as A,
    tags: parseTags(row.tags),
    createdAt: time(row.created_at),
    updatedAt: time(row.updated_at),
    revision: num(row.revision),
  }
}

/** Every tag filter as an EXISTS over the tag index. */
const withTags = (q: Query, filters: readonly TagFilter[] | undefined): Query =>
  (filters ?? []).reduce(
    (query, filter) =>
      query.where((eb: ExpressionBuilder<Database, 'cloud_resources'>) =>
        eb.exists(
          eb
            .selectFrom('cloud_resource_tags as t')
            .select('t.arn')
            .whereRef('t.arn', '=', 'cloud_resources.arn')
            .where('t.key', '=', filter.key)
            .$if(filter.values.length > 0, (sub) => sub.where('t.value', 'in', [...filter.values])),
        ),
      ),
    q,
  )

async function writeTags(db: Kysely<Database>, arn: string, accountId: string, tags: readonly Tag[]) {
  await db.deleteFrom('cloud_resource_tags').where('arn', '=', arn).execute()
  if (tags.length === 0) return
  await db
    .insertInto('cloud_resource_tags')
    .values(tags.map((tag) => ({ arn, account_id: accountId, key: tag.key, value: tag.value })))
    .execute()
}

/** The cloud services' resources over Kysely; tags are kept twice, in the row and in the tag index. */
export function cloudResourceRepository(ctx: RepoContext): CloudResourceRepository {
  const { db } = ctx
  const byArn = async (q: Kysely<Database>, arn: string) =>
    q.selectFrom('cloud_resources').selectAll().where('arn', '=', arn).executeTakeFirst()
  return {
    insert: (resource) =>
      guard(ctx, ENTITY, () =>
        inTx(db, async (tx) => {
          const at = iso(resource.at)
          const row: Row = {
            arn: resource.arn,
            account_id: resource.accountId,
            region: resource.region,
            service: resource.service,
            type: resource.type,
            id: resource.id,
            parent_id: resource.parentId ?? null,
            attributes: JSON.stringify(resource.attributes),
            tags: tagsJson(resource.tags),
            created_at: at,
            updated_at: at,
            revision: 1,
          }
          await tx.insertInto('cloud_resources').values(row).execute()
          await writeTags(tx, row.arn, row.account_id, resource.tags)
          return toRecord(row)
        }),
      ),
    get: (arn) =>
      guard(ctx, ENTITY, async () => {
        const row = await byArn(db, arn)
        return row && toRecord(row)
      }),
    find: (key) =>
      guard(ctx, ENTITY, async () => {
        const row = await db
          .selectFrom('cloud_resources')
          .selectAll()
          .where('account_id', '=', key.accountId)
          .where('service', '=', key.service)
          .where('type', '=', key.type)
          .where('region', '=', key.region)
          .where('id', '=', key.id)
          .executeTakeFirst()
        return row && toRecord(row)
      }),
    list: (query) =>
      guard(ctx, ENTITY, async () => {
        const cursor = decodeCursor(query.after)
        let q: Query = db
          .selectFrom('cloud_resources')
          .selectAll()
          .where('account_id', '=', query.accountId)
          .where('service', '=', query.service)
          .where('type', '=', query.type)
        if (query.region !== undefined) q = q.where('region', '=', query.region)
        if (query.ids !== undefined) q = q.where('id', 'in', query.ids.length > 0 ? [...query.ids] : [''])
        if (query.parentId !== undefined) q = q.where('parent_id', '=', query.parentId)
        if (cursor !== undefined) q = q.where((eb) => afterCursor(eb, 'id', 'arn', cursor))
        const rows = await withTags(q, query.tags)
          .orderBy('id')
          .orderBy('arn')
          .limit(query.limit + 1)
          .execute()
        return toPage(
          rows,
          query.limit,
          (r) => [r.id, r.arn],
          (r) => toRecord(r),
        )
      }),
    update: (arn, change, expectedRevision) =>
      guard(ctx, ENTITY, () =>
        inTx(db, async (tx) => {
          const row = await byArn(tx, arn)
          if (row === undefined) return undefined
          const revision = num(row.revision)
          if (expectedRevision !== undefined && revision !== expectedRevision) throw new StoreConflict(ENTITY)
          const next: Row = Object.assign({}, row, {
            attributes: change.attributes === undefined ? row.attributes : JSON.stringify(change.attributes),
            tags: change.tags === undefined ? row.tags : tagsJson(change.tags),
            parent_id: change.parentId === undefined ? row.parent_id : change.parentId,
            updated_at: iso(change.at),
            revision: revision + 1,
          })
          const result = await tx
            .updateTable('cloud_resources')
            .set({
              attributes: next.attributes,
              tags: next.tags,
              parent_id: next.parent_id,
              updated_at: next.updated_at,
              revision: next.revision,
            })
            .where('arn', '=', arn)
            .where('revision', '=', revision)
            .executeTakeFirst()
          // A concurrent writer on PostgreSQL (READ COMMITTED) changed the row between read and write.
          if (result.numUpdatedRows === 0n) throw new StoreConflict(ENTITY)
          if (change.tags !== undefined) await writeTags(tx, arn, row.account_id, change.tags)
          return toRecord(next)
        }),
      ),
    delete: (arn) =>
      guard(ctx, ENTITY, async () => {
        const result = await db.deleteFrom('cloud_resources').where('arn', '=', arn).executeTakeFirst()
        return result.numDeletedRows > 0n
      }),
    count: (query) =>
      guard(ctx, ENTITY, async () => {
        const row = await db
          .selectFrom('cloud_resources')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('account_id', '=', query.accountId)
          .where('service', '=', query.service)
          .where('type', '=', query.type)
          .$if(query.region !== undefined, (q) => q.where('region', '=', query.region!))
          .executeTakeFirstOrThrow()
        return num(row.n as number)
      }),
    tagged: (query) =>
      guard(ctx, ENTITY, async () => {
        const cursor = decodeCursor(query.after)
        let q: Query = db.selectFrom('cloud_resources').selectAll().where('account_id', '=', query.accountId)
        if (query.region !== undefined) q = q.where('region', 'in', [query.region, ''])
        const types = query.types ?? []
        if (types.length > 0) {
          q = q.where((eb) =>
            eb.or(
              types.map((entry) => {
                const [service, type] = entry.split(':', 2) as [string, string | undefined]
                return type === undefined
                  ? eb('service', '=', service)
                  : eb.and([eb('service', '=', service), eb('type', '=', type)])
              }),
            ),
          )
        }
        if (cursor !== undefined) q = q.where((eb) => afterCursor(eb, 'arn', 'arn', cursor))
        const rows = await withTags(q, query.tags)
          .orderBy('arn')
          .limit(query.limit + 1)
          .execute()
        return toPage(
          rows,
          query.limit,
          (r) => [r.arn, r.arn],
          (r) => toRecord(r),
        )
      }),
  }
}
