import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import Database from 'better-sqlite3'
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely'
import pg from 'pg'
import type { RepoContext } from '../../src/store/kysely/context.js'
import type { Database as Schema } from '../../src/store/kysely/database.js'
import { precompiled } from '../../src/store/kysely/precompiled.js'

/** A context whose db compiles only; the dialect object keys the compiled text. */
function contextOf(db: Kysely<Schema>): RepoContext {
  return {
    db,
    dialect: { name: 'sqlite', classify: () => ({ kind: 'other' }), retryable: () => false },
    sealer: {} as RepoContext['sealer'],
  }
}

describe('precompiled queries', () => {
  const sqlite = new Kysely<Schema>({ dialect: new SqliteDialect({ database: new Database(':memory:') }) })
  const postgres = new Kysely<Schema>({ dialect: new PostgresDialect({ pool: new pg.Pool() }) })

  it('binds each call’s arguments where the markers were, and keeps the query’s own constants', () => {
    const query = precompiled<[string, string], Schema['users']>(2, (db, account, name) =>
      db
        .selectFrom('users')
        .selectAll()
        .where('name_key', '=', name)
        .where('account_id', '=', account)
        .limit(7),
    )
    const ctx = contextOf(sqlite)
    const first = query(ctx, '111122223333', 'alice')
    const second = query(ctx, '444455556666', 'bob')
    const direct = sqlite
      .selectFrom('users')
      .selectAll()
      .where('name_key', '=', 'bob')
      .where('account_id', '=', '444455556666')
      .limit(7)
      .compile()
    assert.equal(second.sql, direct.sql)
    assert.deepEqual(second.parameters, direct.parameters)
    assert.deepEqual(first.parameters, ['alice', '111122223333', 7])
  })

  it('compiles per dialect: PostgreSQL gets its own placeholders', () => {
    const query = precompiled<[string], Schema['roles']>(1, (db, id) =>
      db.selectFrom('roles').selectAll().where('id', '=', id),
    )
    assert.match(query(contextOf(sqlite), 'r1').sql, /"id" = \?/)
    assert.match(query(contextOf(postgres), 'r1').sql, /"id" = \$1/)
  })

  it('refuses a query that does not bind an argument as a parameter', () => {
    const query = precompiled<[string], Schema['roles']>(1, (db, id) =>
      db.selectFrom('roles').selectAll().where('id', '=', id.toUpperCase()),
    )
    assert.throws(() => query(contextOf(sqlite), 'r1'), /argument 0 is not bound/)
  })
})
