import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, it } from 'node:test'
import { fileURLToPath } from 'node:url'
import Database from 'better-sqlite3'
import { formatMasterKey, openStore } from '../../src/store/index.js'
import { TEST_KEY } from './dialects.js'

const WRITER = fileURLToPath(new URL('./fixtures/durable-writer.ts', import.meta.url))

/** Starts the writer and resolves with the highest acknowledged write once `acks` writes were acknowledged and the child was SIGKILLed. */
function writeThenKill(file: string, acks: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', WRITER, file], {
      env: { ...process.env, LANYARD_TEST_MASTER_KEY: formatMasterKey(TEST_KEY) },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let last = -1
    let buffered = ''
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString()
    })
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString()
      const lines = buffered.split('\n')
      buffered = lines.pop() ?? ''
      for (const line of lines) {
        const match = /^ack (\d+)$/.exec(line)
        if (match) last = Number(match[1])
      }
      // Kill while the child is still writing: the next write is in flight.
      if (last + 1 >= acks && child.exitCode === null) child.kill('SIGKILL')
    })
    child.on('exit', (_code, signal) => {
      if (signal === 'SIGKILL' && last + 1 >= acks) resolve(last)
      else reject(new Error(`writer exited early (${signal ?? _code}): ${stderr}`))
    })
  })
}

describe('sqlite: durability', () => {
  it('keeps every acknowledged write after the writing process is killed with SIGKILL', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lanyard-durable-'))
    const file = join(dir, 'lanyard.db')
    try {
      const last = await writeThenKill(file, 40)
      const raw = new Database(file, { readonly: true })
      assert.equal(raw.pragma('journal_mode', { simple: true }), 'wal')
      raw.close()
      const store = await openStore({ kind: 'sqlite', file, masterKey: TEST_KEY })
      try {
        for (let i = 0; i <= last; i++) {
          const n = String(i).padStart(6, '0')
          assert.equal(
            (await store.users.get(`AIDADURABLE${n}`))?.name,
            `u${i}`,
            `acknowledged user ${i} is missing`,
          )
          assert.equal((await store.accessKeys.get(`AKIADURABLE${n}`))?.secretAccessKey, `secret-${i}`)
        }
        assert.ok((await store.users.count('111122223333')) >= last + 1)
      } finally {
        await store.close()
      }
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
