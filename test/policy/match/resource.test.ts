// biome-ignore-all lint/suspicious/noTemplateCurlyInString: policy variables are literal text here
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { contextFrom } from '../../../src/policy/context.js'
import {
  matchNotResourceList,
  matchResource,
  type ResourceMatchOptions,
} from '../../../src/policy/match/resource.js'
import { findArnColons, ResourcePattern } from '../../../src/policy/match/resource-pattern.js'

const identity: ResourceMatchOptions = { resourcePolicy: false, variables: true, context: contextFrom({}) }
const resourcePolicy: ResourceMatchOptions = { ...identity, resourcePolicy: true }
const withUser: ResourceMatchOptions = { ...identity, context: contextFrom({ 'aws:username': 'alice' }) }

/** Checks the interpreted and the compiled matcher alike. */
function both(pattern: string, resource: string, options: ResourceMatchOptions): boolean {
  const interpreted = matchResource(pattern, resource, options)
  const colons = new Int32Array(5)
  const compiled = new ResourcePattern(pattern, options.resourcePolicy, options.variables).test(
    resource,
    findArnColons(resource, colons) ? colons : null,
    options.context,
  )
  assert.equal(compiled, interpreted, `compiled and interpreted differ for ${pattern} ~ ${resource}`)
  return interpreted
}

describe('match/resource', () => {
  it('* matches everything, even a non-ARN resource', () => {
    assert.equal(both('*', '*', identity), true)
    assert.equal(both('*', 'arn:aws:s3:::b/k', identity), true)
  })
  it('globs the resource component case-sensitively, with * crossing / and :', () => {
    assert.equal(both('arn:aws:s3:::B/*/test/*', 'arn:aws:s3:::B/1/2/test/3/x.jpg', identity), true)
    assert.equal(both('arn:aws:s3:::B/*/test/*', 'arn:aws:s3:::B//test/x', identity), true)
    assert.equal(both('arn:aws:s3:::B/*/test/*', 'arn:aws:s3:::B/test/x.jpg', identity), false)
    assert.equal(both('arn:aws:s3:::bucket/*', 'arn:aws:s3:::Bucket/x', identity), false)
    assert.equal(
      both('arn:aws:logs:*:*:log-group:*', 'arn:aws:logs:us-east-1:111122223333:log-group:/a:*', identity),
      true,
    )
  })
  it('globs partition, service, region and account separately, ignoring case', () => {
    assert.equal(both('arn:AWS:S3:::b', 'arn:aws:s3:::b', identity), true)
    assert.equal(
      both(
        'arn:aws:ec2:*:111122223333:instance/*',
        'arn:aws:ec2:us-east-1:111122223333:instance/i-1',
        identity,
      ),
      true,
    )
    assert.equal(
      both('arn:aws:ec2:us-*:*:instance/*', 'arn:aws:ec2:eu-west-1:111122223333:instance/i-1', identity),
      false,
    )
    // A * in one component never reaches into the next.
    assert.equal(both('arn:aws:s3:*::b', 'arn:aws:s3:us-east-1:111122223333:b', identity), false)
  })
  it('treats missing components of a short ARN as * outside resource policies', () => {
    assert.equal(both('arn:aws:s3:*', 'arn:aws:s3:::bucket/key', identity), true)
    assert.equal(both('arn:aws:s3', 'arn:aws:s3:::bucket/key', identity), true)
    assert.equal(both('arn:aws:s3:*', 'arn:aws:ec2:us-east-1:1:x', identity), false)
  })
  it('in resource policies a short ARN without a wildcard matches nothing', () => {
    assert.equal(both('arn:aws:s3', 'arn:aws:s3:::bucket/key', resourcePolicy), false)
    assert.equal(both('arn:aws:s3:*', 'arn:aws:s3:::bucket/key', resourcePolicy), true)
  })
  it('a request resource that is not an ARN matches only *', () => {
    assert.equal(both('arn:*:*:*:*:*', '*', identity), false)
    assert.equal(both('arn:aws:s3:*', 'bucket', identity), false)
  })
  it('substitutes variables in the resource component only', () => {
    assert.equal(both('arn:aws:s3:::home/${aws:username}/*', 'arn:aws:s3:::home/alice/x', withUser), true)
    assert.equal(both('arn:aws:s3:::home/${aws:username}/*', 'arn:aws:s3:::home/bob/x', withUser), false)
    assert.equal(both('arn:aws:s3:::home/${aws:username}/*', 'arn:aws:s3:::home/alice/x', identity), false)
    assert.equal(
      both("arn:aws:s3:::home/${aws:username, 'shared'}/*", 'arn:aws:s3:::home/shared/x', identity),
      true,
    )
  })
  it('leaves ${...} literal under 2008-10-17', () => {
    const legacy = { ...withUser, variables: false }
    assert.equal(both('arn:aws:s3:::home/${aws:username}', 'arn:aws:s3:::home/${aws:username}', legacy), true)
    assert.equal(both('arn:aws:s3:::home/${aws:username}', 'arn:aws:s3:::home/alice', legacy), false)
  })
  it('treats wildcard characters in substituted values as literal', () => {
    const tagged = { ...identity, context: contextFrom({ 'aws:PrincipalTag/p': 'a*' }) }
    assert.equal(both('arn:aws:s3:::b/${aws:PrincipalTag/p}', 'arn:aws:s3:::b/abc', tagged), false)
    assert.equal(both('arn:aws:s3:::b/${aws:PrincipalTag/p}', 'arn:aws:s3:::b/a*', tagged), true)
    assert.equal(both('arn:aws:s3:::b/${*}', 'arn:aws:s3:::b/*', identity), true)
    assert.equal(both('arn:aws:s3:::b/${*}', 'arn:aws:s3:::b/x', identity), false)
  })
  it('an unresolvable NotResource entry excludes nothing', () => {
    assert.equal(
      matchNotResourceList(['arn:aws:s3:::home/${aws:username}'], 'arn:aws:s3:::home/alice', identity),
      true,
    )
    assert.equal(
      matchNotResourceList(['arn:aws:s3:::home/${aws:username}'], 'arn:aws:s3:::home/alice', withUser),
      false,
    )
  })
  it('a multivalued key used as a variable is unresolvable', () => {
    const multi = { ...identity, context: contextFrom({ 'aws:TagKeys': ['a', 'b'] }) }
    assert.equal(both('arn:aws:s3:::b/${aws:TagKeys}', 'arn:aws:s3:::b/a', multi), false)
  })
  it('the compiled pattern reuses its glob across requests with different values', () => {
    const pattern = new ResourcePattern('arn:aws:s3:::home/${aws:username}/*', false, true)
    const colons = new Int32Array(5)
    const test = (resource: string, user: string) =>
      pattern.test(
        resource,
        findArnColons(resource, colons) ? colons : null,
        contextFrom({ 'aws:username': user }),
      )
    assert.equal(test('arn:aws:s3:::home/alice/x', 'alice'), true)
    assert.equal(test('arn:aws:s3:::home/alice/x', 'bob'), false)
    assert.equal(test('arn:aws:s3:::home/bob/x', 'bob'), true)
    assert.equal(test('arn:aws:s3:::home/alice/x', 'alice'), true)
  })
})
