import assert from 'node:assert/strict'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, it } from 'node:test'
import { compilePolicy } from '../../src/policy/compile.js'
import { contextFrom } from '../../src/policy/context.js'
import type { RequestFacts } from '../../src/policy/decision.js'
import type { ConditionClause, PolicyDocument, PolicyVersion } from '../../src/policy/document.js'
import { interpretPolicy } from '../../src/policy/interpret.js'

/** One operator case: a Condition block, a request context and whether the condition holds. */
interface ConditionCase {
  readonly name: string
  readonly version?: PolicyVersion
  readonly condition: Record<string, Record<string, unknown>>
  readonly context: Record<string, string | string[]>
  readonly expected: boolean
  readonly skip?: string
}

const DIR = join(import.meta.dirname, 'conditions')

/** Normalizes condition values the way the parser does: scalars to their JSON text. */
function clauses(condition: ConditionCase['condition']): ConditionClause[] {
  const out: ConditionClause[] = []
  for (const [operator, body] of Object.entries(condition)) {
    for (const [key, raw] of Object.entries(body)) {
      const list = Array.isArray(raw) ? raw : [raw]
      out.push({ operator, key, values: list.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))) })
    }
  }
  return out
}

function documentFor(c: ConditionCase): PolicyDocument {
  return {
    version: c.version ?? '2012-10-17',
    statements: [
      {
        index: 0,
        effect: 'Allow',
        action: ['s3:GetObject'],
        resource: ['*'],
        conditions: clauses(c.condition),
      },
    ],
  }
}

function requestFor(c: ConditionCase): RequestFacts {
  return {
    principal: {
      type: 'User',
      arn: 'arn:aws:iam::111122223333:user/alice',
      account: '111122223333',
      principalArn: 'arn:aws:iam::111122223333:user/alice',
    },
    action: 's3:GetObject',
    resource: 'arn:aws:s3:::bucket/key',
    context: contextFrom(c.context),
  }
}

for (const file of readdirSync(DIR)
  .filter((f) => f.endsWith('.json'))
  .sort()) {
  const cases = JSON.parse(readFileSync(join(DIR, file), 'utf8')) as ConditionCase[]
  describe(`conditions/${file}`, () => {
    for (const c of cases) {
      it(c.name, { skip: c.skip }, () => {
        const doc = documentFor(c)
        const request = requestFor(c)
        for (const [label, policy] of [
          ['interpreted', interpretPolicy(doc, 'identity')],
          ['compiled', compilePolicy(doc, 'identity')],
        ] as const) {
          assert.equal(policy.matching(request).length === 1, c.expected, `${label} evaluator`)
        }
      })
    }
  })
}
