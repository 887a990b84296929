import assert from 'node:assert/strict'
import { spawn, spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, it } from 'node:test'
import { fileURLToPath } from 'node:url'
import { formatMasterKey, openStore } from '../../src/store/index.js'
import { fileBlobStore } from '../../src/store/sqlite/file-blob-store.js'
import { TEST_KEY } from './dialects.js'

const WRITER = fileURLToPath(new URL('./fixtures/contending-writer.ts', import.meta.url))
const PER_PROCESS = 400

/** Runs one contending writer; resolves with its `done` line. */
function runWriter(file: string, startAt: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', WRITER, file, String(PER_PROCESS), String(startAt)],
      {
        env: { ...process.env, LANYARD_TEST_MASTER_KEY: formatMasterKey(TEST_KEY) },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    )
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString()
    })
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString()
    })
    child.on('exit', (code) => {
      const line = /^done .*$/m.exec(stdout)?.[0]
      if (code === 0 && line !== undefined) resolve(line)
      else reject(new Error(`writer exited with ${code}: ${stderr}`))
    })
  })
}

describe('sqlite: several processes on one file', () => {
  it('runs read-then-write transactions of two processes without SQLITE_BUSY and without a lost update', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lanyard-processes-'))
    const file = join(dir, 'lanyard.db')
    try {
      // Migrate first, as the first worker of `lanyard server --workers N` does before the others start.
      await (await openStore({ kind: 'sqlite', file, masterKey: TEST_KEY })).close()
      const startAt = Date.now() + 1500
      const lines = await Promise.all([runWriter(file, startAt), runWriter(file, startAt)])
      assert.deepEqual(lines, [`done ${PER_PROCESS} 0 `, `done ${PER_PROCESS} 0 `])
      const store = await openStore({ kind: 'sqlite', file, masterKey: TEST_KEY })
      try {
        assert.equal(await store.settings.get('global', 'counter'), String(2 * PER_PROCESS))
      } finally {
        await store.close()
      }
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('keeps the temporary S3 files of running processes when a store opens, and removes those of dead ones', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lanyard-blobs-'))
    const running = spawn('sleep', ['30'])
    try {
      const dead = spawnSync(process.execPath, ['-e', '0']).pid
      mkdirSync(join(dir, 'tmp'))
      for (const name of [`${running.pid}-a`, `${dead}-b`, 'loose'])
        writeFileSync(join(dir, 'tmp', name), 'x')
      const blobs = await fileBlobStore(dir)
      assert.deepEqual(readdirSync(join(dir, 'tmp')), [`${running.pid}-a`])
      const id = await blobs.put(new Uint8Array([1, 2, 3]))
      assert.deepEqual([...((await blobs.get(id)) ?? [])], [1, 2, 3])
      assert.deepEqual(readdirSync(join(dir, 'tmp')), [`${running.pid}-a`])
    } finally {
      running.kill()
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
