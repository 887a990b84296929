import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { canonicalBase64 } from '../../../src/policy/conditions/binary.js'
import { parseBool } from '../../../src/policy/conditions/bool.js'
import { parseDate } from '../../../src/policy/conditions/date.js'
import { parseNumber } from '../../../src/policy/conditions/numeric.js'

describe('conditions/date parseDate', () => {
  it('reads bare integers as epoch seconds', () => {
    assert.equal(parseDate('0'), 0)
    assert.equal(parseDate('1704067200'), Date.UTC(2024, 0, 1))
    assert.equal(parseDate('2024'), 2_024_000)
    assert.equal(parseDate('9223372036854775808'), undefined)
    assert.equal(parseDate('-1'), undefined)
  })
  it('reads the W3C ISO-8601 profile', () => {
    assert.equal(parseDate('2024-02'), Date.UTC(2024, 1, 1))
    assert.equal(parseDate('2024-02-29'), Date.UTC(2024, 1, 29))
    assert.equal(parseDate('2024-02-29T10:30Z'), Date.UTC(2024, 1, 29, 10, 30))
    assert.equal(parseDate('2024-02-29T10:30:15.123456789Z'), Date.UTC(2024, 1, 29, 10, 30, 15) + 123.456789)
    assert.equal(parseDate('2024-02-29T10:30:15+05:30'), Date.UTC(2024, 1, 29, 5, 0, 15))
    assert.equal(parseDate('2024-02-29t10:30:15z'), Date.UTC(2024, 1, 29, 10, 30, 15))
    assert.equal(parseDate('0099-01-01'), new Date('0099-01-01T00:00:00Z').getTime())
  })
  it('range-checks the fields and requires a zone with a time', () => {
    for (const bad of [
      '2023-02-29',
      '2024-13-01',
      '2024-00-10',
      '2024-04-31',
      '2024-01-01T24:00Z',
      '2024-01-01T10:60Z',
      '2024-01-01T10:00',
      '2024-01-01T10:00:00.1234567890Z',
      '2024-01-01 10:00:00Z',
      'sdfdsf',
      '',
      '2024-1-1',
    ]) {
      assert.equal(parseDate(bad), undefined, bad)
    }
  })
})

describe('conditions/numeric parseNumber', () => {
  it('reads integers and decimals', () => {
    assert.equal(parseNumber('10'), 10)
    assert.equal(parseNumber('10.0'), 10)
    assert.equal(parseNumber('-5'), -5)
    assert.equal(parseNumber('+.5'), 0.5)
    for (const bad of ['', 'ten', '1e3', '1.2.3', ' 1', '0x10', 'Infinity', 'NaN'])
      assert.equal(parseNumber(bad), undefined, bad)
  })
})

describe('conditions/bool parseBool', () => {
  it('reads true and false ignoring case and nothing else', () => {
    assert.equal(parseBool('TRUE'), true)
    assert.equal(parseBool('false'), false)
    assert.equal(parseBool('yes'), undefined)
    assert.equal(parseBool('1'), undefined)
  })
})

describe('conditions/binary canonicalBase64', () => {
  it('accepts padded base64 and compares bytes', () => {
    assert.equal(canonicalBase64('QUJD'), 'QUJD')
    assert.equal(canonicalBase64('QQ=='), canonicalBase64('QQ=='))
    assert.equal(canonicalBase64(''), '')
    for (const bad of ['QUJ', 'Q===', 'not base64!', 'QU JD'])
      assert.equal(canonicalBase64(bad), undefined, bad)
  })
})
