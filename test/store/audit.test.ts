import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { AuditEventRecord, AuditQuery, Store } from '../../src/store/index.js'
import { DIALECTS, withStore } from './dialects.js'
import { ACCOUNT, at, OTHER_ACCOUNT } from './fixtures.js'

/** 300 events, one a second: alternating accounts, every third a read, every seventh denied. */
function events(): AuditEventRecord[] {
  return Array.from({ length: 300 }, (_, i) => {
    const accountId = i % 2 === 0 ? ACCOUNT : OTHER_ACCOUNT
    const eventName = i % 3 === 0 ? 'GetUser' : 'CreateRole'
    const principalArn = `arn:aws:iam::${accountId}:user/${i % 5 === 0 ? 'alice' : 'bob'}`
    return {
      eventId: `evt-${String(i).padStart(4, '0')}`,
      eventTime: at(i),
      accountId,
      principalArn,
      username: i % 5 === 0 ? 'alice' : 'bob',
      eventSource: 'iam.amazonaws.com',
      eventName,
      ...(i % 7 === 0 ? { errorCode: 'AccessDenied' } : {}),
      accessKeyId: i % 5 === 0 ? 'AKIAALICE' : 'AKIABOB',
      readOnly: i % 3 === 0,
      requestId: `req-${i}`,
      event: { eventVersion: '1.08', eventName, recipientAccountId: accountId, requestParameters: { n: i } },
    }
  })
}

const ALL = events()

/** Follows `next` to the end and returns every event id. */
async function drain(store: Store, query: AuditQuery): Promise<string[]> {
  const ids: string[] = []
  let after: string | undefined
  do {
    const page = await store.audit.query({ ...query, ...(after ? { after } : {}) })
    assert.ok(page.items.length <= query.limit)
    ids.push(...page.items.map((e) => e.eventId))
    after = page.next
  } while (after !== undefined)
  return ids
}

const expected = (keep: (e: AuditEventRecord) => boolean, order: 'newest' | 'oldest' = 'newest') => {
  const ids = ALL.filter(keep).map((e) => e.eventId)
  return order === 'newest' ? ids.reverse() : ids
}

for (const dialect of DIALECTS) {
  describe(`${dialect.name}: audit events`, () => {
    it('appends events in batches, ignores repeated ids and reads them back whole', () =>
      withStore(dialect, async (store) => {
        await store.audit.append(ALL)
        await store.audit.append(ALL.slice(0, 10))
        assert.deepEqual(
          await drain(store, { limit: 1000 }),
          expected(() => true),
        )
        const one = await store.audit.query({ eventId: 'evt-0007', limit: 5 })
        assert.deepEqual(one.items, [ALL[7]])
      }))

    it('filters by account, name, principal, user name, key, error and read-only, newest first', () =>
      withStore(dialect, async (store) => {
        await store.audit.append(ALL)
        const cases: [AuditQuery, (e: AuditEventRecord) => boolean][] = [
          [{ accountId: ACCOUNT, limit: 17 }, (e) => e.accountId === ACCOUNT],
          [{ eventName: 'GetUser', limit: 50 }, (e) => e.eventName === 'GetUser'],
          [{ eventSource: 'iam.amazonaws.com', limit: 100 }, () => true],
          [
            { principalArn: `arn:aws:iam::${ACCOUNT}:user/alice`, limit: 4 },
            (e) => e.principalArn === `arn:aws:iam::${ACCOUNT}:user/alice`,
          ],
          [{ username: 'alice', limit: 9 }, (e) => e.username === 'alice'],
          [{ accessKeyId: 'AKIABOB', limit: 64 }, (e) => e.accessKeyId === 'AKIABOB'],
          [{ errorCode: 'AccessDenied', limit: 3 }, (e) => e.errorCode === 'AccessDenied'],
          [{ readOnly: true, limit: 25 }, (e) => e.readOnly],
          [
            { readOnly: false, eventName: 'CreateRole', accountId: OTHER_ACCOUNT, limit: 8 },
            (e) => !e.readOnly && e.accountId === OTHER_ACCOUNT,
          ],
        ]
        for (const [query, keep] of cases) {
          assert.deepEqual(await drain(store, query), expected(keep), JSON.stringify(query))
        }
      }))

    it('selects a time range, inclusive at the start and exclusive at the end, in either order', () =>
      withStore(dialect, async (store) => {
        await store.audit.append(ALL)
        const inRange = (e: AuditEventRecord) => e.eventTime >= at(100) && e.eventTime < at(150)
        assert.deepEqual(await drain(store, { from: at(100), to: at(150), limit: 7 }), expected(inRange))
        assert.deepEqual(
          await drain(store, { from: at(100), to: at(150), limit: 7, order: 'oldest' }),
          expected(inRange, 'oldest'),
        )
        const page = await store.audit.query({ from: at(299), limit: 10 })
        assert.deepEqual(
          page.items.map((e) => e.eventId),
          ['evt-0299'],
        )
        assert.equal(page.next, undefined)
      }))

    it('pages events that share one timestamp by event id', () =>
      withStore(dialect, async (store) => {
        const same = ALL.slice(0, 12).map((e) => ({ ...e, eventTime: at(0) }))
        await store.audit.append(same)
        const ids = same.map((e) => e.eventId)
        assert.deepEqual(await drain(store, { limit: 5 }), [...ids].reverse())
        assert.deepEqual(await drain(store, { limit: 5, order: 'oldest' }), ids)
      }))

    it('selects a principal ARN prefix literally: `_`, `%` and `\\` in it match only themselves', () =>
      withStore(dialect, async (store) => {
        const session = (role: string, name: string) => `arn:aws:sts::${ACCOUNT}:assumed-role/${role}/${name}`
        const arns = [
          session('app_1', 's1'),
          session('app_1', 's2'),
          session('appX1', 's3'),
          session('app_10', 's4'),
          session('50%', 's5'),
          session('50pct', 's6'),
          session('a\\b', 's7'),
          session('ab', 's8'),
        ]
        await store.audit.append(
          arns.map((principalArn, i) => ({
            ...ALL[0]!,
            eventId: `prefix-${i}`,
            eventTime: at(i),
            principalArn,
          })),
        )
        const select = async (role: string) =>
          (
            await store.audit.query({ principalArnPrefix: session(role, ''), limit: 50, order: 'oldest' })
          ).items.map((e) => e.principalArn)
        assert.deepEqual(await select('app_1'), [arns[0], arns[1]])
        assert.deepEqual(await select('50%'), [arns[4]])
        assert.deepEqual(await select('a\\b'), [arns[6]])
      }))
  })
}
