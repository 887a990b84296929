import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { PrincipalBlock } from '../../../src/policy/document.js'
import { matchPrincipal, notPrincipalApplies, PrincipalMatcher } from '../../../src/policy/match/principal.js'
import type { PrincipalFacts } from '../../../src/policy/principal.js'

const A = '111122223333'
const B = '444455556666'
const aws = (...values: string[]): PrincipalBlock => ({
  kind: 'map',
  aws: values,
  service: [],
  federated: [],
  canonicalUser: [],
})

const user: PrincipalFacts = {
  type: 'User',
  arn: `arn:aws:iam::${A}:user/team/alice`,
  account: A,
  principalArn: `arn:aws:iam::${A}:user/team/alice`,
  uniqueId: 'AIDAEXAMPLEUSER',
}
const session: PrincipalFacts = {
  type: 'AssumedRole',
  arn: `arn:aws:sts::${A}:assumed-role/app/s1`,
  account: A,
  principalArn: `arn:aws:iam::${A}:role/svc/app`,
  uniqueId: 'AROAEXAMPLEROLE',
}
const federatedUser: PrincipalFacts = {
  type: 'FederatedUser',
  arn: `arn:aws:sts::${A}:federated-user/bob`,
  account: A,
  principalArn: `arn:aws:sts::${A}:federated-user/bob`,
  parentUserArn: `arn:aws:iam::${A}:user/team/alice`,
}
const anonymous: PrincipalFacts = { type: 'Anonymous', arn: '*', account: '', principalArn: '*' }
const service: PrincipalFacts = {
  type: 'Service',
  arn: 'ec2.amazonaws.com',
  account: '',
  principalArn: 'ec2.amazonaws.com',
  service: 'ec2.amazonaws.com',
}
const web: PrincipalFacts = {
  type: 'WebIdentity',
  arn: 'token.actions.githubusercontent.com',
  account: '',
  principalArn: 'token.actions.githubusercontent.com',
  federatedProvider: `arn:aws:iam::${A}:oidc-provider/token.actions.githubusercontent.com`,
}

describe('match/principal', () => {
  it('"*" and {"AWS": "*"} match everyone, anonymous included, directly', () => {
    for (const facts of [user, session, anonymous, service]) {
      assert.equal(matchPrincipal({ kind: 'any' }, facts), 'direct')
      assert.equal(matchPrincipal(aws('*'), facts), 'direct')
    }
  })
  it('an account id or root ARN is an account-level match for principals of that account', () => {
    assert.equal(matchPrincipal(aws(A), user), 'account')
    assert.equal(matchPrincipal(aws(`arn:aws:iam::${A}:root`), session), 'account')
    assert.equal(matchPrincipal(aws(B), user), null)
    assert.equal(matchPrincipal(aws(`arn:aws-cn:iam::${A}:root`), user), null)
    assert.equal(matchPrincipal(aws(A), anonymous), null)
  })
  it('a user ARN matches that user directly, case-sensitively, and its federated sessions as role', () => {
    assert.equal(matchPrincipal(aws(user.arn), user), 'direct')
    assert.equal(matchPrincipal(aws(`arn:aws:iam::${A}:user/team/Alice`), user), null)
    assert.equal(matchPrincipal(aws(user.arn), federatedUser), 'role')
  })
  it('a role ARN matches sessions of that role as role', () => {
    assert.equal(matchPrincipal(aws(`arn:aws:iam::${A}:role/svc/app`), session), 'role')
    // Without a path the role is matched by name.
    assert.equal(matchPrincipal(aws(`arn:aws:iam::${A}:role/app`), session), 'role')
    assert.equal(matchPrincipal(aws(`arn:aws:iam::${A}:role/other/app`), session), null)
    assert.equal(matchPrincipal(aws(`arn:aws:iam::${A}:role/pp`), session), null)
    assert.equal(matchPrincipal(aws(`arn:aws:iam::${B}:role/app`), session), null)
  })
  it('a session ARN or federated-user ARN matches exactly that session directly', () => {
    assert.equal(matchPrincipal(aws(session.arn), session), 'direct')
    assert.equal(matchPrincipal(aws(`arn:aws:sts::${A}:assumed-role/app/s2`), session), null)
    assert.equal(matchPrincipal(aws(federatedUser.arn), federatedUser), 'direct')
  })
  it('unique ids match the user directly and sessions of the role as role', () => {
    assert.equal(matchPrincipal(aws('AIDAEXAMPLEUSER'), user), 'direct')
    assert.equal(matchPrincipal(aws('AROAEXAMPLEROLE'), session), 'role')
    assert.equal(matchPrincipal(aws('AROAOTHER'), session), null)
  })
  it('Service, Federated and CanonicalUser compare with the matching facts', () => {
    const block: PrincipalBlock = {
      kind: 'map',
      aws: [],
      service: ['ec2.amazonaws.com'],
      federated: [web.federatedProvider!],
      canonicalUser: ['79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be'],
    }
    assert.equal(matchPrincipal(block, service), 'direct')
    assert.equal(matchPrincipal(block, web), 'direct')
    assert.equal(matchPrincipal(block, user), null)
    assert.equal(matchPrincipal(block, { ...anonymous, canonicalUserId: block.canonicalUser[0] }), 'direct')
  })
  it('prefers the strongest layer when several values match', () => {
    assert.equal(matchPrincipal(aws(A, `arn:aws:iam::${A}:role/app`, session.arn), session), 'direct')
    assert.equal(matchPrincipal(aws(A, `arn:aws:iam::${A}:role/app`), session), 'role')
  })
})

describe('match/principal NotPrincipal', () => {
  it('exempts the caller only when every one of its layers is listed', () => {
    const role = `arn:aws:iam::${A}:role/app`
    const root = `arn:aws:iam::${A}:root`
    const exempt = (...values: string[]) =>
      !notPrincipalApplies(new PrincipalMatcher(aws(...values)), session, 'Deny')
    assert.equal(exempt(session.arn, role, root), true)
    assert.equal(exempt(session.arn), false)
    assert.equal(exempt(role), false)
    assert.equal(exempt(root), false)
    assert.equal(exempt(session.arn, role), false)
    assert.equal(exempt(`arn:aws:iam::${B}:root`), false)
  })
  it('with Deny never exempts a caller whose entity has a permissions boundary', () => {
    const bounded = { ...session, hasBoundary: true }
    const all = new PrincipalMatcher(aws(session.arn, `arn:aws:iam::${A}:role/app`, `arn:aws:iam::${A}:root`))
    assert.equal(notPrincipalApplies(all, bounded, 'Deny'), true)
    assert.equal(notPrincipalApplies(all, bounded, 'Allow'), false)
  })
})
