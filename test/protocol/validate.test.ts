import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { MODELS } from '../../src/models/index.js'
import { type ParseResult, parseRequest } from '../../src/protocol/index.js'

const ROLE_ARN_PATTERN =
  '[\\u0009\\u000A\\u000D\\u0020-\\u007E\\u0085\\u00A0-\\uD7FF\\uE000-\\uFFFD\\u10000-\\u10FFFF]+'

function assumeRole(roleArn: string): ParseResult {
  const body = new URLSearchParams({
    Action: 'AssumeRole',
    Version: '2011-06-15',
    RoleArn: roleArn,
    RoleSessionName: 's1',
  })
  return parseRequest('query', MODELS.sts, 'AssumeRole', {
    path: '/',
    query: new URLSearchParams(),
    headers: {},
    body: body.toString(),
  })
}

function message(result: ParseResult): string | undefined {
  return result.ok ? undefined : result.error.message
}

// AWS: these answers were recorded from live STS AssumeRole calls with long and non-ASCII role ARNs.
describe('validation: lengths count code points and patterns read \\u10000 as Java does', () => {
  it('accepts 2048 two-byte characters (length 2048, inside the pattern)', () => {
    assert.ok(assumeRole('é'.repeat(2048)).ok)
  })
  it('rejects 2049 two-byte characters on length only', () => {
    const value = 'é'.repeat(2049)
    assert.equal(
      message(assumeRole(value)),
      `1 validation error detected: Value '${value}' at 'roleArn' failed to satisfy constraint: Member must have length less than or equal to 2048`,
    )
  })
  it('counts an emoji as one character but rejects it by the pattern', () => {
    const value = '😀'.repeat(2048)
    assert.equal(
      message(assumeRole(value)),
      `1 validation error detected: Value '${value}' at 'roleArn' failed to satisfy constraint: Member must satisfy regular expression pattern: ${ROLE_ARN_PATTERN}`,
    )
  })
  it('reports pattern then length for 2049 emoji', () => {
    const value = '😀'.repeat(2049)
    assert.equal(
      message(assumeRole(value)),
      `2 validation errors detected: Value '${value}' at 'roleArn' failed to satisfy constraint: Member must satisfy regular expression pattern: ${ROLE_ARN_PATTERN}; Value '${value}' at 'roleArn' failed to satisfy constraint: Member must have length less than or equal to 2048`,
    )
  })
  it('does not normalize: 1025 decomposed é are 2050 characters', () => {
    const value = 'e\u0301'.repeat(1025)
    assert.equal(
      message(assumeRole(value)),
      `1 validation error detected: Value '${value}' at 'roleArn' failed to satisfy constraint: Member must have length less than or equal to 2048`,
    )
  })
})

describe('validation: Unicode property patterns', () => {
  it('accepts tag keys with letters from any script (\\p{L})', () => {
    const body =
      'Action=TagRole&Version=2010-05-08&RoleName=r&Tags.member.1.Key=%C3%A9t%C3%A9&Tags.member.1.Value=%E6%97%A5'
    const result = parseRequest('query', MODELS.iam, 'TagRole', {
      path: '/',
      query: new URLSearchParams(),
      headers: {},
      body,
    })
    assert.ok(result.ok)
  })
  it('rejects a tag key with a character outside the pattern', () => {
    const body = 'Action=TagRole&Version=2010-05-08&RoleName=r&Tags.member.1.Key=a%2Ab&Tags.member.1.Value=v'
    const result = parseRequest('query', MODELS.iam, 'TagRole', {
      path: '/',
      query: new URLSearchParams(),
      headers: {},
      body,
    })
    assert.match(
      message(result) ?? '',
      /^1 validation error detected: Value 'a\*b' at 'tags\.1\.member\.key' failed to satisfy constraint: Member must satisfy regular expression pattern: /,
    )
  })
})

describe('validation: sensitive members', () => {
  it('does not echo a sensitive value', () => {
    const body = 'Action=CreateLoginProfile&Version=2010-05-08&UserName=u&Password=%C4%80secret'
    const result = parseRequest('query', MODELS.iam, 'CreateLoginProfile', {
      path: '/',
      query: new URLSearchParams(),
      headers: {},
      body,
    })
    assert.equal(
      message(result),
      "1 validation error detected: Value at 'password' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\u0009\\u000A\\u000D\\u0020-\\u00FF]+",
    )
  })
})
