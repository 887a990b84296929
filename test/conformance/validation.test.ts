import assert from 'node:assert/strict'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, it } from 'node:test'
import { fileURLToPath } from 'node:url'
import type { PolicyKind } from '../../src/policy/document.js'
import { validatePolicy } from '../../src/policy/validate.js'

/** One validation case: a policy, how it is validated, and what AWS answers. */
interface ValidationCase {
  readonly name: string
  readonly kind: PolicyKind
  readonly options?: Parameters<typeof validatePolicy>[2]
  /** A document, or raw JSON text when the text itself matters. */
  readonly policy: unknown
  readonly skip?: string
  readonly expected: {
    readonly valid: boolean
    readonly firstError?: string
    readonly path?: string
    readonly code?: string
  }
}

const DIR = fileURLToPath(new URL('./validation/', import.meta.url))

for (const file of readdirSync(DIR)
  .filter((f) => f.endsWith('.json'))
  .sort()) {
  const cases = JSON.parse(readFileSync(join(DIR, file), 'utf8')) as ValidationCase[]
  describe(`validation conformance: ${file}`, () => {
    for (const c of cases) {
      if (c.skip !== undefined) {
        console.log(`skipped ${file}: ${c.name}: ${c.skip}`)
        it(c.name, { skip: c.skip }, () => {})
        continue
      }
      it(c.name, () => {
        const issues = validatePolicy(c.policy, c.kind, c.options)
        const errors = issues.filter((issue) => issue.severity === 'error')
        assert.equal(errors.length === 0, c.expected.valid, `issues: ${JSON.stringify(issues)}`)
        const first = errors[0]
        if (c.expected.firstError !== undefined) assert.equal(first?.message, c.expected.firstError)
        if (c.expected.path !== undefined) assert.equal(first?.path, c.expected.path)
        if (c.expected.code !== undefined) assert.equal(first?.code, c.expected.code)
      })
    }
  })
}
