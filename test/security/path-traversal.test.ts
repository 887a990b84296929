import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import {
  CreateBucketCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3'
import { fileBlobStore } from '../../src/store/sqlite/file-blob-store.js'
import { startTestServer, type TestServer } from '../e2e/start.js'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

describe('security: path traversal through S3 keys and data-dir paths', () => {
  let server: TestServer
  let s3: S3Client
  const marker = `escape-${randomBytes(6).toString('hex')}`
  before(async () => {
    server = await startTestServer({ LANYARD_LOG_LEVEL: 'silent' })
    s3 = new S3Client({
      endpoint: server.url,
      region: 'us-east-1',
      credentials: server.credentials,
      forcePathStyle: true,
      maxAttempts: 1,
    })
    await s3.send(new CreateBucketCommand({ Bucket: 'traversal' }))
  })
  after(() => server.stop())

  it('keys with ../ segments are plain keys: stored, listed and read back as sent, never as files', async () => {
    const keys = [
      `../../../../../../tmp/${marker}`,
      `a/../../${marker}`,
      `..\\..\\${marker}`,
      `%2e%2e/%2e%2e/${marker}`,
      `./${marker}/.`,
    ]
    for (const [i, key] of keys.entries())
      await s3.send(new PutObjectCommand({ Bucket: 'traversal', Key: key, Body: `body ${i}` }))
    const listed = await s3.send(new ListObjectsV2Command({ Bucket: 'traversal' }))
    assert.deepEqual((listed.Contents ?? []).map((o) => o.Key).sort(), [...keys].sort())
    for (const [i, key] of keys.entries()) {
      const got = await s3.send(new GetObjectCommand({ Bucket: 'traversal', Key: key }))
      assert.equal(await got.Body!.transformToString(), `body ${i}`)
    }
    // Nothing named after a key exists anywhere the ../ could have led.
    for (const dir of [tmpdir(), join(server.dataDir, '..'), server.dataDir, join(server.dataDir, 's3')])
      assert.equal(existsSync(join(dir, marker)), false, `${dir}/${marker}`)
    // Object bytes live only under <data-dir>/s3/<two hex>/<uuid>.
    for (const shard of await readdir(join(server.dataDir, 's3'))) {
      if (shard === 'tmp') continue
      assert.match(shard, /^[0-9a-f]{2}$/)
      for (const file of await readdir(join(server.dataDir, 's3', shard))) assert.match(file, UUID)
    }
  })

  it('the blob store refuses any id that is not one of its UUIDs', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lanyard-blobs-'))
    try {
      const blobs = await fileBlobStore(dir)
      const id = await blobs.put(new TextEncoder().encode('x'))
      assert.match(id, UUID)
      for (const bad of ['../../../etc/passwd', `${id}/../../x`, '/etc/passwd', `../${id}`])
        await assert.rejects(blobs.get(bad), /not a blob id/)
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})
