import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { toAccessLevel } from '../../src/catalog/access-level.js'

describe('catalog/toAccessLevel', () => {
  const cases: readonly [string, string][] = [
    ['List', 'List'],
    ['Read', 'Read'],
    ['Write', 'Write'],
    // iam-data joins the machine-readable reference's flags; the specific level wins.
    ['Permissions management, Write', 'Permissions management'],
    ['Tagging, Write', 'Tagging'],
    ['Write, Tagging', 'Tagging'],
  ]
  for (const [raw, level] of cases) {
    it(`reads "${raw}" as ${level}`, () => assert.equal(toAccessLevel(raw), level))
  }
})
