import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { S3ObjectRecord } from '../../src/store/index.js'
import { DIALECTS, withStore } from './dialects.js'
import { ACCOUNT, at } from './fixtures.js'

const object = (key: string, extra: Partial<S3ObjectRecord> = {}): S3ObjectRecord => ({
  bucket: 'bucket-a',
  key,
  accountId: ACCOUNT,
  blobId: `blob-${key}`,
  size: 5,
  etag: '"abc"',
  lastModified: at(0),
  headers: { contentType: 'text/plain', metadata: { owner: 'me' } },
  tags: [],
  ...extra,
})

for (const dialect of DIALECTS) {
  describe(`${dialect.name}: s3 objects, uploads and blobs`, () => {
    it('puts, replaces, lists by prefix and after a key, tags and deletes objects', () =>
      withStore(dialect, async (store) => {
        assert.equal(await store.s3Objects.put(object('a/1')), undefined)
        for (const key of ['a/2', 'a/3', 'b/1', 'a', 'a0']) await store.s3Objects.put(object(key))
        await store.s3Objects.put(object('a/1', { bucket: 'bucket-b' }))
        const replaced = await store.s3Objects.put(object('a/1', { blobId: 'blob-new', size: 6_000_000_000 }))
        assert.equal(replaced?.blobId, 'blob-a/1')
        const stored = await store.s3Objects.get('bucket-a', 'a/1')
        assert.equal(stored?.size, 6_000_000_000)
        assert.deepEqual(stored?.headers, { contentType: 'text/plain', metadata: { owner: 'me' } })
        const keys = async (prefix: string | undefined, after?: string, limit = 100) =>
          (
            await store.s3Objects.list({
              bucket: 'bucket-a',
              limit,
              ...(prefix === undefined ? {} : { prefix }),
              ...(after === undefined ? {} : { after }),
            })
          ).map((o) => o.key)
        assert.deepEqual(await keys(undefined), ['a', 'a/1', 'a/2', 'a/3', 'a0', 'b/1'])
        assert.deepEqual(await keys('a/'), ['a/1', 'a/2', 'a/3'])
        assert.deepEqual(await keys('a/', 'a/1'), ['a/2', 'a/3'])
        assert.deepEqual(await keys('a/', '0'), ['a/1', 'a/2', 'a/3'])
        assert.deepEqual(await keys(undefined, 'a0', 1), ['b/1'])
        assert.equal(await store.s3Objects.count('bucket-a'), 6)
        assert.equal(await store.s3Objects.setTags('bucket-a', 'a/2', [{ key: 'k', value: 'v' }]), true)
        assert.equal(await store.s3Objects.setTags('bucket-a', 'nope', []), false)
        assert.deepEqual((await store.s3Objects.get('bucket-a', 'a/2'))?.tags, [{ key: 'k', value: 'v' }])
        assert.equal((await store.s3Objects.delete('bucket-a', 'a/2'))?.key, 'a/2')
        assert.equal(await store.s3Objects.delete('bucket-a', 'a/2'), undefined)
        assert.equal(await store.s3Objects.count('bucket-a'), 5)
      }))

    it('keeps multipart uploads with their parts, lists them and deletes them with their parts', () =>
      withStore(dialect, async (store) => {
        const upload = (uploadId: string, key: string) => ({
          uploadId,
          bucket: 'bucket-a',
          key,
          accountId: ACCOUNT,
          initiator: `arn:aws:iam::${ACCOUNT}:root`,
          initiated: at(1),
          headers: { metadata: {} },
          tags: [{ key: 't', value: '1' }],
        })
        await store.s3Uploads.create(upload('u2', 'k1'))
        await store.s3Uploads.create(upload('u1', 'k1'))
        await store.s3Uploads.create(upload('u3', 'k2'))
        assert.deepEqual(await store.s3Uploads.get('u1'), upload('u1', 'k1'))
        const part = (n: number, blobId: string) => ({
          uploadId: 'u1',
          partNumber: n,
          blobId,
          size: 10,
          etag: `"e${n}"`,
          lastModified: at(2),
        })
        assert.equal(await store.s3Uploads.putPart(part(2, 'b2')), undefined)
        assert.equal(await store.s3Uploads.putPart(part(1, 'b1')), undefined)
        assert.equal(await store.s3Uploads.putPart(part(1, 'b1x')), 'b1')
        assert.deepEqual(
          (await store.s3Uploads.listParts('u1', 0, 10)).map((p) => [p.partNumber, p.blobId]),
          [
            [1, 'b1x'],
            [2, 'b2'],
          ],
        )
        assert.deepEqual((await store.s3Uploads.listParts('u1', 1, 10)).length, 1)
        const ids = async (after?: string, afterUploadId?: string) =>
          (
            await store.s3Uploads.list({
              bucket: 'bucket-a',
              limit: 10,
              ...(after === undefined ? {} : { after }),
              ...(afterUploadId === undefined ? {} : { afterUploadId }),
            })
          ).map((u) => u.uploadId)
        assert.deepEqual(await ids(), ['u1', 'u2', 'u3'])
        assert.deepEqual(await ids('k1', 'u1'), ['u2', 'u3'])
        assert.deepEqual(await ids('k1'), ['u3'])
        assert.deepEqual([...((await store.s3Uploads.delete('u1')) ?? [])].sort(), ['b1x', 'b2'])
        assert.equal(await store.s3Uploads.delete('u1'), undefined)
        assert.deepEqual(await store.s3Uploads.listParts('u1', 0, 10), [])
      }))

    it('stores blobs durably and answers undefined for a deleted one', () =>
      withStore(dialect, async (store) => {
        const bytes = new Uint8Array(300_000).map((_, i) => i % 251)
        const id = await store.blobs.put(bytes)
        assert.deepEqual(Buffer.from((await store.blobs.get(id))!), Buffer.from(bytes))
        const empty = await store.blobs.put(new Uint8Array(0))
        assert.equal((await store.blobs.get(empty))?.length, 0)
        await store.blobs.delete(id)
        await store.blobs.delete(id)
        assert.equal(await store.blobs.get(id), undefined)
      }))
  })
}
