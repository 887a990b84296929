/**
 * Regenerates the operator truth-table files of the policy-decision corpus
 * (test/conformance/policy/operators-*.json) from operator-specs.ts. Run by hand:
 * `node --import tsx test/conformance/policy/gen/generate.ts`. Every other corpus file is hand-maintained.
 */
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { operatorCases } from './condition-matrix.js'
import { OPERATOR_SPECS } from './operator-specs.js'
import { writeCorpus } from './write.js'

const OUT = join(dirname(fileURLToPath(import.meta.url)), '..')

const TOPICS: Readonly<Record<string, string>> = {
  string: 'String operators: every form (IfExists, ForAnyValue, ForAllValues) by truth table',
  numeric: 'Numeric operators: every form by truth table',
  date: 'Date operators: every form by truth table',
  'bool-binary': 'Bool and BinaryEquals: every form by truth table',
  ip: 'IpAddress and NotIpAddress: every form by truth table',
  arn: 'ARN operators: every form by truth table',
}

let total = 0
for (const [family, topic] of Object.entries(TOPICS)) {
  const cases = OPERATOR_SPECS.filter((s) => s.file === family).flatMap(operatorCases)
  writeCorpus(join(OUT, `operators-${family}.json`), topic, cases)
  total += cases.length
  console.log(`operators-${family}.json: ${cases.length}`)
}
console.log(`generated: ${total}`)
