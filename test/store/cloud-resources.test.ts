import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { type NewCloudResource, type Store, StoreConflict } from '../../src/store/index.js'
import { DIALECTS, withStore } from './dialects.js'
import { ACCOUNT, at, OTHER_ACCOUNT, seedAccounts } from './fixtures.js'

const REGION = 'us-east-1'
const ec2 = (type: string, id: string, extra: Partial<NewCloudResource> = {}): NewCloudResource => ({
  arn: `arn:aws:ec2:${REGION}:${ACCOUNT}:${type}/${id}`,
  accountId: ACCOUNT,
  region: REGION,
  service: 'ec2',
  type,
  id,
  attributes: { id },
  tags: [],
  at: at(0),
  ...extra,
})

async function ids(store: Store, query: Parameters<Store['cloudResources']['list']>[0]): Promise<string[]> {
  return (await store.cloudResources.list(query)).items.map((r) => r.id)
}

for (const dialect of DIALECTS) {
  describe(`${dialect.name}: cloud resources`, () => {
    it('stores, finds, updates with a revision check and deletes a resource with its tags', () =>
      withStore(dialect, async (store, db) => {
        await seedAccounts(store)
        const vpc = await store.cloudResources.insert(
          ec2('vpc', 'vpc-1', {
            tags: [{ key: 'Name', value: 'main' }],
            attributes: { cidr: '10.0.0.0/16' },
          }),
        )
        assert.equal(vpc.revision, 1)
        assert.deepEqual(vpc.attributes, { cidr: '10.0.0.0/16' })
        assert.deepEqual(await store.cloudResources.get(vpc.arn), vpc)
        const key = { accountId: ACCOUNT, region: REGION, service: 'ec2', type: 'vpc', id: 'vpc-1' }
        assert.deepEqual(await store.cloudResources.find(key), vpc)
        assert.equal(await store.cloudResources.find({ ...key, region: 'eu-west-1' }), undefined)
        await assert.rejects(store.cloudResources.insert(ec2('vpc', 'vpc-1')), StoreConflict)

        const changed = await store.cloudResources.update(
          vpc.arn,
          { attributes: { cidr: '10.1.0.0/16' }, tags: [{ key: 'env', value: 'dev' }], at: at(5) },
          1,
        )
        assert.equal(changed?.revision, 2)
        assert.deepEqual(changed?.tags, [{ key: 'env', value: 'dev' }])
        assert.deepEqual(changed?.createdAt, at(0))
        assert.deepEqual(changed?.updatedAt, at(5))
        await assert.rejects(store.cloudResources.update(vpc.arn, { at: at(6) }, 1), StoreConflict)
        assert.deepEqual(await db.rows('cloud_resource_tags'), [
          { arn: vpc.arn, account_id: ACCOUNT, key: 'env', value: 'dev' },
        ])
        assert.equal(await store.cloudResources.update('arn:aws:ec2:::nothing', { at: at(6) }), undefined)
        assert.equal(await store.cloudResources.delete(vpc.arn), true)
        assert.equal(await store.cloudResources.delete(vpc.arn), false)
        assert.deepEqual(await db.rows('cloud_resource_tags'), [])
      }))

    it('lists by type, region, ids, parent and tags, a page at a time', () =>
      withStore(dialect, async (store) => {
        await seedAccounts(store)
        for (let i = 0; i < 5; i++) {
          await store.cloudResources.insert(
            ec2('subnet', `subnet-${i}`, {
              parentId: i < 3 ? 'vpc-a' : 'vpc-b',
              tags: [{ key: 'tier', value: i % 2 === 0 ? 'public' : 'private' }],
            }),
          )
        }
        await store.cloudResources.insert(ec2('vpc', 'vpc-a'))
        const base = { accountId: ACCOUNT, service: 'ec2', type: 'subnet', limit: 2 }
        const first = await store.cloudResources.list(base)
        assert.deepEqual(
          first.items.map((r) => r.id),
          ['subnet-0', 'subnet-1'],
        )
        const second = await store.cloudResources.list({ ...base, after: first.next })
        assert.deepEqual(
          second.items.map((r) => r.id),
          ['subnet-2', 'subnet-3'],
        )
        const all = { ...base, limit: 100 }
        assert.deepEqual(await ids(store, { ...all, parentId: 'vpc-b' }), ['subnet-3', 'subnet-4'])
        assert.deepEqual(await ids(store, { ...all, ids: ['subnet-4', 'subnet-1', 'nope'] }), [
          'subnet-1',
          'subnet-4',
        ])
        assert.deepEqual(await ids(store, { ...all, ids: [] }), [])
        assert.deepEqual(await ids(store, { ...all, tags: [{ key: 'tier', values: ['public'] }] }), [
          'subnet-0',
          'subnet-2',
          'subnet-4',
        ])
        assert.deepEqual(
          await ids(store, { ...all, tags: [{ key: 'tier', values: [] }], parentId: 'vpc-a' }),
          ['subnet-0', 'subnet-1', 'subnet-2'],
        )
        assert.deepEqual(await ids(store, { ...all, region: 'eu-west-1' }), [])
        assert.deepEqual(await ids(store, { ...all, accountId: OTHER_ACCOUNT }), [])
        assert.equal(
          await store.cloudResources.count({ accountId: ACCOUNT, service: 'ec2', type: 'subnet' }),
          5,
        )
        assert.equal(
          await store.cloudResources.count({
            accountId: ACCOUNT,
            service: 'ec2',
            type: 'subnet',
            region: 'eu-west-1',
          }),
          0,
        )
      }))

    it('finds tagged resources across services and global ones in every region', () =>
      withStore(dialect, async (store) => {
        await seedAccounts(store)
        const owned = { key: 'kubernetes.io/cluster/c1', value: 'owned' }
        await store.cloudResources.insert(ec2('instance', 'i-1', { tags: [owned] }))
        await store.cloudResources.insert(ec2('instance', 'i-2', { tags: [{ key: 'other', value: 'x' }] }))
        await store.cloudResources.insert({
          arn: 'arn:aws:route53:::hostedzone/Z1',
          accountId: ACCOUNT,
          region: '',
          service: 'route53',
          type: 'hostedzone',
          id: 'Z1',
          attributes: {},
          tags: [owned],
          at: at(0),
        })
        const tagged = async (types?: string[]) =>
          (
            await store.cloudResources.tagged({
              accountId: ACCOUNT,
              region: REGION,
              limit: 10,
              tags: [{ key: owned.key, values: ['owned'] }],
              ...(types ? { types } : {}),
            })
          ).items.map((r) => r.arn)
        assert.deepEqual(await tagged(), [
          `arn:aws:ec2:${REGION}:${ACCOUNT}:instance/i-1`,
          'arn:aws:route53:::hostedzone/Z1',
        ])
        assert.deepEqual(await tagged(['route53']), ['arn:aws:route53:::hostedzone/Z1'])
        assert.deepEqual(await tagged(['ec2:instance', 'ec2:volume']), [
          `arn:aws:ec2:${REGION}:${ACCOUNT}:instance/i-1`,
        ])
        assert.deepEqual(await tagged(['ec2:vpc']), [])
      }))
  })
}
