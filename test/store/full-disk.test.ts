import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, it } from 'node:test'
import { fileURLToPath } from 'node:url'

const FIXTURE = fileURLToPath(new URL('./fixtures/full-tmpfs.ts', import.meta.url))

/** Whether this machine lets an unprivileged user mount a tmpfs in a user and mount namespace. */
const CAN_MOUNT =
  process.platform === 'linux' &&
  spawnSync('unshare', ['-Urm', 'sh', '-c', 'mount -t tmpfs -o size=64k tmpfs /tmp'], { stdio: 'ignore' })
    .status === 0
const SKIP = CAN_MOUNT ? false : 'needs Linux user namespaces (unshare -Urm) to mount a small tmpfs'
if (SKIP) console.log(`# skipped: ${SKIP}`)

describe('store (sqlite): a real full disk (ENOSPC on a 2 MiB tmpfs)', { skip: SKIP }, () => {
  it('a refused write is StoreUnavailable SQLITE_FULL; reads go on; writes resume with space; no corruption, nothing lost', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lanyard-tmpfs-'))
    try {
      const run = spawnSync('unshare', ['-Urm', process.execPath, '--import', 'tsx', FIXTURE, dir], {
        encoding: 'utf8',
        timeout: 60_000,
      })
      assert.equal(run.status, 0, run.stderr)
      const report = JSON.parse(run.stdout.trim().split('\n').pop()!) as {
        acknowledged: number
        missing: string[]
        refusal?: { name: string; driverCode?: string; message: string }
        readWhileFull: boolean
        integrity: string
      }
      assert.deepEqual(report.refusal, {
        name: 'StoreUnavailable',
        driverCode: 'SQLITE_FULL',
        message: 'The database failed (SQLITE_FULL): the disk is full.',
      })
      assert.ok(report.acknowledged > 10, `only ${report.acknowledged} writes fitted`)
      assert.equal(report.readWhileFull, true)
      assert.equal(report.integrity, 'ok')
      assert.deepEqual(report.missing, [])
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
