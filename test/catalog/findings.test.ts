import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { describe, it } from 'node:test'
import { catalogFindings } from '../../src/catalog/index.js'
import { parsePolicy } from '../../src/policy/index.js'

interface ExpectedFinding {
  readonly code: string
  readonly severity: string
  readonly path: string
  readonly message?: string
}

interface FindingCase {
  readonly name: string
  readonly policy: unknown
  readonly expected: readonly ExpectedFinding[]
  readonly skip?: string
}

const CASES: readonly FindingCase[] = JSON.parse(
  readFileSync(new URL('./findings-cases.json', import.meta.url), 'utf8'),
) as FindingCase[]

describe('catalog/catalogFindings', () => {
  for (const c of CASES) {
    it(c.name, { skip: c.skip }, () => {
      const parsed = parsePolicy(c.policy)
      assert.ok(parsed.ok, JSON.stringify(parsed))
      const actual = catalogFindings(parsed.document).map((f) => ({
        code: f.code,
        severity: f.severity,
        path: f.path,
        ...(f.message === undefined ? {} : { message: f.message }),
      }))
      const byPath = (a: ExpectedFinding, b: ExpectedFinding) =>
        a.path.localeCompare(b.path) || a.code.localeCompare(b.code)
      const compared = actual.map((f) => {
        const expected = c.expected.find((e) => e.path === f.path && e.code === f.code)
        return expected?.message === undefined ? { ...f, message: undefined } : f
      })
      const expected = c.expected.map((e) => ({ ...e, message: e.message }))
      assert.deepEqual([...compared].sort(byPath), [...expected].sort(byPath))
    })
  }
})
