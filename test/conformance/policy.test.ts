import assert from 'node:assert/strict'
import { after, describe, it } from 'node:test'
import { evaluatePolicyRequest } from '../../src/policy/index.js'
import { operatorCases } from './policy/gen/condition-matrix.js'
import { OPERATOR_SPECS } from './policy/gen/operator-specs.js'
import { corpusTable, loadPolicyCorpus, normalizeMatches, type PolicyCase } from './policy-corpus.js'

const FILES = loadPolicyCorpus()
const DECISIONS = new Set(['Allowed', 'ExplicitlyDenied', 'ImplicitlyDenied'])

describe('policy corpus: well-formed cases', () => {
  it('has at least 400 cases with unique names per file', () => {
    const total = FILES.reduce((n, f) => n + f.cases.length, 0)
    assert.ok(total >= 400, `only ${total} cases`)
    for (const f of FILES) {
      const names = f.cases.map((c) => c.name)
      assert.equal(new Set(names).size, names.length, `${f.file} repeats a case name`)
    }
  })
  it('operators-*.json match their generator (edit gen/operator-specs.ts, then regenerate)', () => {
    const families = [...new Set(OPERATOR_SPECS.map((s) => s.file))]
    for (const family of families) {
      const file = FILES.find((f) => f.file === `operators-${family}.json`)
      assert.ok(file, `operators-${family}.json is missing`)
      const strip = (c: PolicyCase) => ({ name: c.name, request: c.request, expected: c.expected })
      const generated = OPERATOR_SPECS.filter((s) => s.file === family).flatMap(operatorCases)
      assert.deepEqual(file.cases.map(strip), JSON.parse(JSON.stringify(generated)).map(strip))
    }
  })
  for (const f of FILES) {
    it(`${f.file}: every expected answer is consistent with its decision`, () => {
      assert.equal(typeof f.topic, 'string')
      for (const c of f.cases) {
        assert.ok(DECISIONS.has(c.expected.decision), `${c.name}: decision ${c.expected.decision}`)
        const effects = new Set(c.expected.matched.map((m) => m.effect))
        if (c.expected.decision === 'ImplicitlyDenied') assert.equal(effects.size, 0, c.name)
        if (c.expected.decision === 'ExplicitlyDenied') assert.deepEqual([...effects], ['Deny'], c.name)
        if (c.expected.decision === 'Allowed') assert.ok(!effects.has('Deny'), c.name)
        assert.equal(typeof c.request.principal, 'string', c.name)
        assert.equal(typeof c.request.action, 'string', c.name)
        assert.equal(typeof c.request.resource, 'string', c.name)
      }
    })
  }
})

function check(c: PolicyCase, compiled: boolean): void {
  const response = evaluatePolicyRequest({ name: c.name, ...c.request }, { compiled })
  assert.ok(!('error' in response), `request rejected: ${'error' in response ? response.error : ''}`)
  assert.equal(response.name, c.name)
  assert.equal(response.decision, c.expected.decision, `decision (source: ${c.source ?? 'none'})`)
  assert.deepEqual(
    normalizeMatches(response.matched),
    normalizeMatches(c.expected.matched),
    'matched statements',
  )
}

for (const compiled of [true, false]) {
  describe(`policy decisions (${compiled ? 'compiled' : 'interpreted'})`, () => {
    for (const f of FILES) {
      describe(`${f.file}: ${f.topic}`, () => {
        for (const c of f.cases) {
          it(c.name, c.skip === undefined ? {} : { skip: c.skip }, () => check(c, compiled))
        }
      })
    }
  })
}

after(() => {
  const skipped = FILES.flatMap((f) => f.cases.filter((c) => c.skip !== undefined).map((c) => ({ f, c })))
  console.log(`\npolicy corpus by topic:\n${corpusTable(FILES)}`)
  if (skipped.length > 0) {
    console.log(`\nskipped policy cases (${skipped.length}):`)
    for (const { f, c } of skipped) console.log(`  ${f.file} / ${c.name}: ${c.skip}`)
  }
})
