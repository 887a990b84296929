import assert from 'node:assert/strict'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, it } from 'node:test'
import { fileURLToPath } from 'node:url'
import { type EvaluateResponse, evaluatePolicyRequest } from '../../src/policy/index.js'

/** One `lanyard policy evaluate` case: the request as a tool sends it and the exact response. */
interface EvaluateCase {
  readonly request: unknown
  readonly expected: EvaluateResponse
  readonly skip?: string
}

const DIR = fileURLToPath(new URL('./evaluate/', import.meta.url))

for (const file of readdirSync(DIR)
  .filter((f) => f.endsWith('.json'))
  .sort()) {
  const cases = JSON.parse(readFileSync(join(DIR, file), 'utf8')) as EvaluateCase[]
  describe(`evaluate conformance: ${file}`, () => {
    for (const [i, c] of cases.entries()) {
      const title = 'error' in c.expected ? `#${i} ${c.expected.error}` : `#${i} ${c.expected.name}`
      if (c.skip !== undefined) {
        console.log(`skipped ${file}: ${title}: ${c.skip}`)
        it(title, { skip: c.skip }, () => {})
        continue
      }
      it(title, () => {
        assert.deepEqual(evaluatePolicyRequest(c.request), c.expected, 'compiled')
        assert.deepEqual(evaluatePolicyRequest(c.request, { compiled: false }), c.expected, 'interpreted')
      })
    }
  })
}
