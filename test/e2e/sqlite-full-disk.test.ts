import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { CreateUserCommand, GetUserCommand, ListUsersCommand } from '@aws-sdk/client-iam'
import { CreateBucketCommand, GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3'
import Database from 'better-sqlite3'
import { s3Client } from './s3/s3-fixtures.js'
import { adminKeys, type ServerProcess, spawnServer } from './server-process.js'
import { iamClient, type Keys } from './sts/sts-fixtures.js'

/**
 * The disk fills up: the server's RLIMIT_FSIZE is lowered with prlimit(1) while it runs, so every write that
 * grows a file past the largest database file + 256 KiB fails (EFBIG, which SQLite reports as SQLITE_IOERR_WRITE; a real full disk gives
 * ENOSPC and SQLITE_FULL, mapped the same way). Node ignores SIGXFSZ, so the process sees failed writes, not
 * a signal. Needs no root, unlike a small loop-mounted file system.
 */
const PRLIMIT = spawnSync('prlimit', ['--version']).status === 0
const SKIP = process.platform !== 'linux' || !PRLIMIT ? 'needs Linux and prlimit(1) (util-linux)' : false
if (SKIP) console.log(`# skipped: ${SKIP}`)

/** How much the largest database file may still grow once the limit is set. */
const ROOM_BYTES = 256 * 1024
const UNAVAILABLE = 'The request has failed due to a temporary failure of the server.'

function setFileSizeLimit(pid: number, soft: number | 'unlimited'): void {
  // Only the soft limit moves, which an unprivileged user may lower and raise again up to the hard limit.
  const result = spawnSync('prlimit', ['--pid', String(pid), `--fsize=${soft}:`], { encoding: 'utf8' })
  if (result.status !== 0) throw new Error(`prlimit failed: ${result.stderr}`)
}

/** The first log line of the server that contains `text`, waiting up to two seconds for it (logs are asynchronous). */
async function logLine(server: ServerProcess, text: string): Promise<string> {
  for (let waited = 0; ; waited += 50) {
    const line = server
      .stderr()
      .split('\n')
      .find((candidate) => candidate.includes(text))
    if (line !== undefined || waited >= 2000) return line ?? ''
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

/** Asserts the AWS error a refused write gets: ServiceUnavailable 503 with AWS's text. */
function isUnavailable(error: unknown): true {
  const failure = error as Error & { $metadata?: { httpStatusCode?: number } }
  assert.equal(failure.name, 'ServiceUnavailable', failure.message)
  assert.equal(failure.$metadata?.httpStatusCode, 503)
  assert.equal(failure.message, UNAVAILABLE)
  return true
}

describe('SQLite on a full disk: writes fail with ServiceUnavailable, reads go on, nothing is corrupted or lost', {
  skip: SKIP,
}, () => {
  let dataDir: string
  let server: ServerProcess
  let admin: Keys
  const acknowledged: string[] = []

  before(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'lanyard-full-disk-'))
    server = await spawnServer(dataDir, { ...process.env, LANYARD_LOG_LEVEL: 'error' })
    admin = await adminKeys(dataDir)
  })
  after(async () => {
    if (server !== undefined && server.child.exitCode === null)
      setFileSizeLimit(server.child.pid!, 'unlimited')
    await server?.stop('SIGTERM')
    await rm(dataDir, { recursive: true, force: true })
  })

  it('fills the disk under a stream of CreateUser calls: each one is acknowledged or ServiceUnavailable 503', async (t) => {
    const iam = iamClient(server.url, admin)
    const s3 = s3Client(server.url, admin)
    await s3.send(new CreateBucketCommand({ Bucket: 'full-disk' }))
    await s3.send(new PutObjectCommand({ Bucket: 'full-disk', Key: 'before', Body: 'kept' }))
    for (let i = 0; i < 20; i++) {
      await iam.send(new CreateUserCommand({ UserName: `roomy-${i}` }))
      acknowledged.push(`roomy-${i}`)
    }
    const sizes = await Promise.all(
      ['lanyard.db', 'lanyard.db-wal'].map(async (file) => (await stat(join(dataDir, file))).size),
    )
    const limit = Math.max(...sizes) + ROOM_BYTES
    setFileSizeLimit(server.child.pid!, limit)
    const before = acknowledged.length
    let refused = 0
    for (let i = 0; i < 3000 && refused < 20; i++) {
      const name = `full-${i}`
      try {
        await iam.send(
          new CreateUserCommand({ UserName: name, Tags: [{ Key: 'pad', Value: 'x'.repeat(200) }] }),
        )
        acknowledged.push(name)
      } catch (error) {
        isUnavailable(error)
        refused++
      }
    }
    assert.equal(refused, 20, 'the writes never failed: the limit did not take')
    assert.ok(acknowledged.length > before, 'no write succeeded in the room left')
    t.diagnostic(
      `${acknowledged.length - before} writes acknowledged in the room left, then ${refused} refused`,
    )
    // The operator's side: the log names the cause.
    assert.match(
      await logLine(server, '"operation":"CreateUser"'),
      /The database failed \(SQLITE_(FULL|IOERR\w*)\): [a-z]/,
    )
    // S3 object bytes are files beside the database: a full disk refuses them the same way.
    await assert.rejects(
      s3.send(new PutObjectCommand({ Bucket: 'full-disk', Key: 'big', Body: randomBytes(limit + 1024) })),
      isUnavailable,
    )
    assert.deepEqual(
      await readdir(join(dataDir, 's3', 'tmp')),
      [],
      'a refused object left its temporary file',
    )
    assert.match(
      await logLine(server, '"operation":"PutObject"'),
      /The database failed \(EFBIG\): a file reached the largest size allowed/,
    )
  })

  it('reads keep working while the disk is full', async () => {
    const iam = iamClient(server.url, admin)
    for (const name of acknowledged.slice(-3))
      assert.equal((await iam.send(new GetUserCommand({ UserName: name }))).User?.UserName, name)
    const listed = await iam.send(new ListUsersCommand({ MaxItems: 1000 }))
    assert.ok(
      (listed.Users ?? []).length >= Math.min(acknowledged.length, 1000),
      `${listed.Users?.length} listed, ${acknowledged.length} acknowledged`,
    )
    const object = await s3Client(server.url, admin).send(
      new GetObjectCommand({ Bucket: 'full-disk', Key: 'before' }),
    )
    assert.equal(await object.Body?.transformToString(), 'kept')
    const health = await fetch(`${server.url}/_lanyard/health`)
    assert.equal(health.status, 200)
  })

  it('once space returns, writes succeed again without a restart', async () => {
    setFileSizeLimit(server.child.pid!, 'unlimited')
    const iam = iamClient(server.url, admin)
    await iam.send(new CreateUserCommand({ UserName: 'after-space' }))
    acknowledged.push('after-space')
    await s3Client(server.url, admin).send(
      new PutObjectCommand({ Bucket: 'full-disk', Key: 'big', Body: randomBytes(4 * 1024 * 1024) }),
    )
  })

  it('after a clean stop the database passes integrity_check and holds every acknowledged user', async () => {
    assert.equal(await server.stop('SIGTERM'), 0, server.stderr())
    const db = new Database(join(dataDir, 'lanyard.db'), { readonly: true })
    try {
      assert.deepEqual(db.pragma('integrity_check'), [{ integrity_check: 'ok' }])
      const stored = new Set(
        (db.prepare('select name from users').all() as { name: string }[]).map((row) => row.name),
      )
      assert.deepEqual(
        acknowledged.filter((name) => !stored.has(name)),
        [],
      )
    } finally {
      db.close()
    }
  })
})
