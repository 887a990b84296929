import fc from 'fast-check'
import type { Edit } from './budget.js'

/** Fragments that matter to the parsers under test: markup, quotes, escapes, separators, odd code points. */
const NASTY = fc.constantFrom(
  '<',
  '>',
  '</',
  '/>',
  '<![CDATA[',
  ']]>',
  '<!--',
  '-->',
  '<!DOCTYPE x [<!ENTITY e "x">]>',
  '&e;',
  '&amp;',
  '&#0;',
  '&#x110000;',
  '&#xD800;',
  '"',
  "'",
  '\\',
  '\\u0000',
  '\\ud800',
  '{',
  '}',
  '[',
  ']',
  ',',
  ':',
  'null',
  '1e400',
  '-0',
  '=',
  '&',
  '%',
  '%zz',
  '%00',
  '.member.',
  '.1.',
  '.0.',
  '.99999999999999999999.',
  '\u0000',
  '\uFEFF',
  '\uD800',
  '\r\n',
  ' ',
  '__proto__',
  'constructor',
)

/** One edit, biased towards the fragments above. */
export const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 8 }) }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    text: fc.oneof(NASTY, fc.string({ maxLength: 6 })),
  }),
  fc.record({
    kind: fc.constant('duplicate' as const),
    at: fc.nat(),
    length: fc.integer({ min: 1, max: 40 }),
  }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
)

/** Zero to five edits. */
export const edits: fc.Arbitrary<Edit[]> = fc.array(edit, { maxLength: 5 })
