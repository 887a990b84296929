import assert from 'node:assert/strict'
import { createHash, randomBytes } from 'node:crypto'
import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, it } from 'node:test'
import {
  CreateBucketCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3'
import { adminKeys, type ServerProcess, spawnServer } from '../server-process.js'
import { s3Client } from './s3-fixtures.js'

const md5 = (bytes: Uint8Array): string => createHash('md5').update(bytes).digest('hex')

/** Puts objects from `workers` concurrent loops until `stop()`; records the MD5 of every acknowledged one. */
function putStream(s3: S3Client, bucket: string, workers: number) {
  const acknowledged = new Map<string, string>()
  let stopped = false
  let sequence = 0
  const loops = Array.from({ length: workers }, async () => {
    while (!stopped) {
      const key = `obj/${String(sequence++).padStart(6, '0')}`
      const body = randomBytes(16 * 1024 + Math.floor(Math.random() * 512 * 1024))
      try {
        const out = await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body }))
        assert.equal(out.ETag, `"${md5(body)}"`)
        acknowledged.set(key, md5(body))
      } catch {
        return // the server is gone
      }
    }
  })
  return {
    acknowledged,
    async stop() {
      stopped = true
      await Promise.all(loops)
    },
  }
}

describe('S3 crash safety', () => {
  it('after kill -9 during a stream of PutObject calls, every acknowledged object is intact and nothing half-written is listed', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'lanyard-s3-crash-'))
    let server: ServerProcess | undefined
    try {
      const first = await spawnServer(dataDir, { ...process.env, LANYARD_LOG_LEVEL: 'warn' })
      server = first
      const keys = await adminKeys(dataDir)
      const s3 = s3Client(first.url, keys)
      await s3.send(new CreateBucketCommand({ Bucket: 'crash-bucket' }))
      const stream = putStream(s3, 'crash-bucket', 4)
      while (stream.acknowledged.size < 40) await new Promise((resolve) => setTimeout(resolve, 20))
      const exited = first.stop('SIGKILL')
      await stream.stop()
      await exited
      assert.ok(stream.acknowledged.size >= 40)

      const second = await spawnServer(dataDir, { ...process.env, LANYARD_LOG_LEVEL: 'warn' })
      server = second
      const again = s3Client(second.url, keys)
      for (const [key, digest] of stream.acknowledged) {
        const got = await again.send(new GetObjectCommand({ Bucket: 'crash-bucket', Key: key }))
        assert.equal(md5(await got.Body!.transformToByteArray()), digest, key)
      }
      let token: string | undefined
      let listed = 0
      do {
        const page = await again.send(
          new ListObjectsV2Command({
            Bucket: 'crash-bucket',
            ...(token ? { ContinuationToken: token } : {}),
          }),
        )
        for (const object of page.Contents ?? []) {
          const got = await again.send(new GetObjectCommand({ Bucket: 'crash-bucket', Key: object.Key! }))
          assert.equal(`"${md5(await got.Body!.transformToByteArray())}"`, object.ETag, object.Key)
          listed++
        }
        token = page.NextContinuationToken
      } while (token)
      assert.ok(listed >= stream.acknowledged.size)
      // Temporary files of writes the kill cut short are gone after the restart.
      assert.deepEqual(await readdir(join(dataDir, 's3', 'tmp')), [])
    } finally {
      await server?.stop('SIGKILL')
      await rm(dataDir, { recursive: true, force: true })
    }
  })
})
