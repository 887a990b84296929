// biome-ignore-all lint/suspicious/noTemplateCurlyInString: policy variables are literal text here
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { contextFrom } from '../../../src/policy/context.js'
import {
  hasVariables,
  parseTemplate,
  resolveTemplate,
  templateOf,
} from '../../../src/policy/match/variables.js'

describe('match/variables', () => {
  it('splits text into literal runs and lower-cased references', () => {
    assert.deepEqual(parseTemplate('home/${aws:UserName}/*'), ['home/', { key: 'aws:username' }, '/*'])
    assert.deepEqual(parseTemplate("${aws:username, 'guest'}"), [{ key: 'aws:username', fallback: 'guest' }])
    assert.deepEqual(parseTemplate('plain'), ['plain'])
  })
  it('parses the special variables as literal characters', () => {
    const context = contextFrom({})
    assert.deepEqual(resolveTemplate(parseTemplate('a${*}b${?}c${$}'), context)?.text, 'a*b?c$')
  })
  it('marks substituted wildcard characters literal', () => {
    const resolved = resolveTemplate(parseTemplate('x${*}'), contextFrom({}))
    assert.deepEqual([...(resolved?.literal ?? [])], [0, 1])
  })
  it('keeps malformed references as literal text', () => {
    assert.deepEqual(parseTemplate('${bad key}'), ['${bad key}'])
    assert.deepEqual(parseTemplate('a${b'), ['a${b'])
    assert.equal(hasVariables(parseTemplate('${}')), false)
  })
  it('uses the default only when the key is absent', () => {
    const template = parseTemplate("${aws:username, 'guest'}")
    assert.equal(resolveTemplate(template, contextFrom({}))?.text, 'guest')
    assert.equal(resolveTemplate(template, contextFrom({ 'aws:username': '' }))?.text, '')
  })
  it('cannot resolve an absent key without a default, or a multivalued key', () => {
    assert.equal(resolveTemplate(parseTemplate('${aws:username}'), contextFrom({})), undefined)
    assert.equal(
      resolveTemplate(parseTemplate('${aws:TagKeys}'), contextFrom({ 'aws:TagKeys': ['a', 'b'] })),
      undefined,
    )
    assert.equal(
      resolveTemplate(parseTemplate('${aws:TagKeys}'), contextFrom({ 'aws:TagKeys': ['a'] }))?.text,
      'a',
    )
  })
  it('leaves text literal when variables are off (2008-10-17)', () => {
    assert.deepEqual(templateOf('${aws:username}', false), ['${aws:username}'])
  })
})
