import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { statementSpans } from '../../../src/services/iam/simulation/statement-positions.js'

/** [name, document text, expected [startLine, startColumn, endLine, endColumn] per statement]. */
const CASES: readonly [string, string, readonly (readonly number[])[]][] = [
  [
    'compact array',
    '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"},{"Effect":"Deny"}]}',
    [
      [1, 38, 1, 83],
      [1, 85, 1, 101],
    ],
  ],
  ['single statement object', '{\n  "Statement": {"Effect": "Allow"}\n}', [[2, 16, 2, 34]]],
  [
    'braces, brackets and escaped quotes inside strings',
    '{"Statement":[\n  {"Sid":"a}\\"]","Condition":{"StringLike":{"k":["[{"]}}}\n]}',
    [[2, 3, 2, 57]],
  ],
  ['Statement after other keys', '{"Id":"x","Version":"2012-10-17","Statement":[{}]}', [[1, 47, 1, 48]]],
  ['not JSON', '{"Statement":[{', []],
  ['no Statement', '{"Version":"2012-10-17"}', []],
]

describe('statementSpans: 1-based line and column of each statement in the document text', () => {
  for (const [name, text, expected] of CASES) {
    it(name, () => {
      const spans = statementSpans(text).map((s) => [s.start.Line, s.start.Column, s.end.Line, s.end.Column])
      assert.deepEqual(spans, expected)
      const lines = text.split('\n')
      for (const [line, column, endLine, endColumn] of spans) {
        assert.equal(lines[line! - 1]![column! - 1], '{')
        assert.equal(lines[endLine! - 1]![endColumn! - 1], '}')
      }
    })
  }
})
