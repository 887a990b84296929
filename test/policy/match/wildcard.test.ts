import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import fc from 'fast-check'
import {
  compileGlob,
  foldText,
  Glob,
  globMatch,
  globToRegExp,
  patternText,
} from '../../../src/policy/match/wildcard.js'

describe('match/wildcard', () => {
  it('* matches any sequence including the empty one; ? exactly one character', () => {
    assert.equal(globMatch('a*', 'a'), true)
    assert.equal(globMatch('a*', 'abc/d:e'), true)
    assert.equal(globMatch('a?c', 'abc'), true)
    assert.equal(globMatch('a?c', 'ac'), false)
    assert.equal(globMatch('a?c', 'abbc'), false)
    assert.equal(globMatch('*', ''), true)
    assert.equal(globMatch('', ''), true)
    assert.equal(globMatch('', 'x'), false)
  })
  it('is anchored at both ends', () => {
    assert.equal(globMatch('bc', 'abcd'), false)
    assert.equal(globMatch('*bc', 'abcd'), false)
    assert.equal(globMatch('*bc*', 'abcd'), true)
  })
  it('matches the IAM UG example B/*/test/*', () => {
    const glob = compileGlob('B/*/test/*', false)
    assert.equal(glob.test('B/1/2/test/3/x.jpg'), true)
    assert.equal(glob.test('B//test/x'), true)
    assert.equal(glob.test('B/test/x.jpg'), false)
  })
  it('folds case only when asked', () => {
    assert.equal(globMatch('Get*', 'getobject'), false)
    assert.equal(globMatch('Get*', 'getobject', true), true)
    assert.equal(globMatch('get?BJECT', 'GetObject', true), true)
  })
  it('tests a range of the text without slicing it', () => {
    const glob = compileGlob('s3', true)
    assert.equal(glob.test('arn:aws:S3:::b', 8, 10), true)
    assert.equal(glob.test('arn:aws:S3:::b', 8, 11), false)
  })
  it('treats characters marked literal as plain text', () => {
    const literal = new Uint8Array([0, 1, 0, 1])
    const glob = new Glob({ text: 'a*b?', literal }, false)
    assert.equal(glob.test('a*bx'), false)
    assert.equal(glob.test('a*b?'), true)
    assert.equal(glob.test('axb?'), false)
    const star = new Glob({ text: '*a*', literal: new Uint8Array([0, 0, 1]) }, false)
    assert.equal(star.test('xxa*'), true)
    assert.equal(star.test('xxab'), false)
  })
  it('agrees with the RegExp reference form on random patterns', () => {
    const alphabet = fc.constantFrom('a', 'b', 'A', '*', '?', '/', ':', '.', '$')
    const text = fc.array(alphabet, { maxLength: 8 }).map((a) => a.join(''))
    fc.assert(
      fc.property(text, text, fc.boolean(), (pattern, subject, ignoreCase) => {
        const reference = globToRegExp(patternText(pattern), ignoreCase).test(
          ignoreCase ? foldText(subject) : subject,
        )
        assert.equal(compileGlob(pattern, ignoreCase).test(subject), reference)
      }),
      { numRuns: 3000 },
    )
  })
})
