import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { contextFrom } from '../../src/policy/context.js'
import { principalFacts, withPrincipalContext } from '../../src/policy/principal-facts.js'

const A = '111122223333'

describe('policy/principal-facts', () => {
  it('names the caller types of ARNs', () => {
    const types = [
      [`arn:aws:iam::${A}:root`, 'Account'],
      [`arn:aws:iam::${A}:user/path/alice`, 'User'],
      [`arn:aws:iam::${A}:role/app`, 'AssumedRole'],
      [`arn:aws:sts::${A}:assumed-role/app/s1`, 'AssumedRole'],
      [`arn:aws:sts::${A}:federated-user/bob`, 'FederatedUser'],
      [`arn:aws:iam::${A}:oidc-provider/oidc.eks.us-east-1.amazonaws.com/id/ABC`, 'WebIdentity'],
      [`arn:aws:iam::${A}:saml-provider/corp`, 'SAML'],
      ['accounts.google.com', 'WebIdentity'],
      ['cognito-identity.amazonaws.com', 'WebIdentity'],
      ['ec2.amazonaws.com', 'Service'],
      ['*', 'Anonymous'],
    ]
    for (const [text, type] of types) assert.equal(principalFacts(text!)?.type, type, text)
  })

  it('rejects text that names no caller', () => {
    for (const text of [
      '',
      'alice',
      `arn:aws:s3:::bucket`,
      `arn:aws:iam::${A}:group/g`,
      `arn:aws:sts::${A}:assumed-role/app`,
    ]) {
      assert.equal(principalFacts(text), undefined, text)
    }
  })

  it('takes the role ARN with its path from aws:PrincipalArn for a session', () => {
    const session = `arn:aws:sts::${A}:assumed-role/app/s1`
    const withPath = `arn:aws:iam::${A}:role/team/app`
    assert.equal(principalFacts(session)?.principalArn, `arn:aws:iam::${A}:role/app`)
    assert.equal(
      principalFacts(session, contextFrom({ 'aws:PrincipalArn': withPath }))?.principalArn,
      withPath,
    )
    // an aws:PrincipalArn of another role or account is not the session's role
    const otherRole = `arn:aws:iam::${A}:role/team/other`
    assert.equal(
      principalFacts(session, contextFrom({ 'aws:PrincipalArn': otherRole }))?.principalArn,
      `arn:aws:iam::${A}:role/app`,
    )
    const other = 'arn:aws:iam::444455556666:role/team/app'
    assert.equal(
      principalFacts(session, contextFrom({ 'aws:PrincipalArn': other }))?.principalArn,
      `arn:aws:iam::${A}:role/app`,
    )
  })

  it('builds a session ARN for a role principal', () => {
    const facts = principalFacts(
      `arn:aws:iam::${A}:role/team/app`,
      contextFrom({ 'aws:userid': 'AROAEXAMPLE:ci' }),
    )
    assert.equal(facts?.arn, `arn:aws:sts::${A}:assumed-role/app/ci`)
    assert.equal(facts?.principalArn, `arn:aws:iam::${A}:role/team/app`)
    assert.equal(facts?.uniqueId, 'AROAEXAMPLE')
  })

  it('fills the principal keys of a user', () => {
    const facts = principalFacts(`arn:aws:iam::${A}:user/path/Alice`)!
    const context = withPrincipalContext(facts, contextFrom({}))
    assert.deepEqual(Object.fromEntries(context), {
      'aws:username': 'Alice',
      'aws:principalarn': `arn:aws:iam::${A}:user/path/Alice`,
      'aws:principalaccount': A,
      'aws:principaltype': 'User',
    })
  })

  it('fills aws:userid of root, sessions and federated users', () => {
    const userid = (text: string, given: Record<string, string> = {}) => {
      const context = contextFrom(given)
      return withPrincipalContext(principalFacts(text, context)!, context).get('aws:userid')
    }
    assert.equal(userid(`arn:aws:iam::${A}:root`), A)
    assert.equal(userid(`arn:aws:sts::${A}:federated-user/bob`), `${A}:bob`)
    assert.equal(userid(`arn:aws:sts::${A}:assumed-role/app/s1`), undefined)
    assert.equal(userid(`arn:aws:sts::${A}:assumed-role/app/s1`, { 'aws:userid': 'AROAX:s1' }), 'AROAX:s1')
    assert.equal(userid('*'), 'anonymous')
  })

  it('never overrides keys the request context carries', () => {
    const facts = principalFacts(`arn:aws:sts::${A}:assumed-role/app/s1`)!
    const context = withPrincipalContext(
      facts,
      contextFrom({ 'aws:PrincipalType': 'User', 'aws:PrincipalTag/team': 'x' }),
    )
    assert.equal(context.get('aws:principaltype'), 'User')
    assert.equal(context.get('aws:principaltag/team'), 'x')
    assert.equal(context.get('aws:principalarn'), `arn:aws:iam::${A}:role/app`)
  })

  it('gives web-identity callers no principal keys and services their service name', () => {
    const web = principalFacts(`arn:aws:iam::${A}:oidc-provider/example.com`)!
    assert.equal(web.federatedProvider, `arn:aws:iam::${A}:oidc-provider/example.com`)
    assert.equal(withPrincipalContext(web, contextFrom({})).size, 0)
    const service = withPrincipalContext(principalFacts('ec2.amazonaws.com')!, contextFrom({}))
    assert.equal(service.get('aws:principalservicename'), 'ec2.amazonaws.com')
    assert.equal(service.has('aws:principalarn'), false)
  })
})
