import assert from 'node:assert/strict'
import { type ChildProcess, spawn } from 'node:child_process'
import { createHash, randomBytes } from 'node:crypto'
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
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
import { s3Client } from './s3-fixtures.js'

const ROOT = new URL('../../../', import.meta.url).pathname

const md5 = (bytes: Uint8Array): string => createHash('md5').update(bytes).digest('hex')

/** Starts the server entry point in a child process on `dataDir`; resolves once it listens. */
async function spawnServer(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'src/main.ts', '--port', '0', '--data-dir', dataDir],
    {
      cwd: ROOT,
      env: { ...process.env, LANYARD_LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  let stdout = ''
  let stderr = ''
  child.stderr!.on('data', (chunk) => {
    stderr += chunk
  })
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (chunk) => {
      stdout += chunk
      const match = /Lanyard listening on (\S+)/.exec(stdout)
      if (match) resolve(match[1]!)
    })
    child.once('exit', (code) => reject(new Error(`server exited with ${code}: ${stderr}`)))
  })
  return { child, url }
}

async function adminKeys(dataDir: string) {
  const text = await readFile(join(dataDir, 'credentials'), 'utf8')
  return {
    accessKeyId: /aws_access_key_id = (\S+)/.exec(text)![1]!,
    secretAccessKey: /aws_secret_access_key = (\S+)/.exec(text)![1]!,
  }
}

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
    let child: ChildProcess | undefined
    try {
      const first = await spawnServer(dataDir)
      child = first.child
      const keys = await adminKeys(dataDir)
      const s3 = s3Client(first.url, keys)
      await s3.send(new CreateBucketCommand({ Bucket: 'crash-bucket' }))
      const stream = putStream(s3, 'crash-bucket', 4)
      while (stream.acknowledged.size < 40) await new Promise((resolve) => setTimeout(resolve, 20))
      first.child.kill('SIGKILL')
      await stream.stop()
      await new Promise((resolve) => first.child.once('exit', resolve))
      assert.ok(stream.acknowledged.size >= 40)

      const second = await spawnServer(dataDir)
      child = second.child
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
      child?.kill('SIGKILL')
      await rm(dataDir, { recursive: true, force: true })
    }
  })
})
