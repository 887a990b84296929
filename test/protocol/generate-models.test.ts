import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, it } from 'node:test'
import { MODEL_SOURCES } from '../../scripts/model-scope.js'

const ROOT = join(import.meta.dirname, '..', '..')
const BOTOCORE = process.env.BOTOCORE_DATA ?? '/usr/lib/python3/dist-packages/botocore/data'
const SKIP = existsSync(join(BOTOCORE, 'sts'))
  ? undefined
  : `python3-botocore is not installed (${BOTOCORE}); the committed models cannot be regenerated here`

describe('scripts/generate-models.ts', () => {
  if (SKIP) console.log(`skipped generate-models: ${SKIP}`)
  it('regenerates the committed models byte for byte', { skip: SKIP, timeout: 120_000 }, () => {
    const out = mkdtempSync(join(tmpdir(), 'lanyard-models-'))
    try {
      execFileSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts', 'generate-models.ts')], {
        cwd: ROOT,
        env: { ...process.env, MODELS_OUT: out },
        stdio: 'pipe',
      })
      for (const name of Object.keys(MODEL_SOURCES)) {
        const committed = readFileSync(join(ROOT, 'src', 'models', `${name}.json`), 'utf8')
        assert.equal(readFileSync(join(out, `${name}.json`), 'utf8'), committed, `${name}.json differs`)
      }
    } finally {
      rmSync(out, { recursive: true, force: true })
    }
  })
})
