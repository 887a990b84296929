import assert from 'node:assert/strict'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import fc from 'fast-check'
import { decide, LruPolicyCache } from '../../src/policy/index.js'
import { PolicyLoader } from '../../src/services/iam/index.js'
import type { Caller } from '../../src/services/index.js'
import type { SessionClaims } from '../../src/services/sts/index.js'
import { loadSessionBasis, sessionCaller } from '../../src/services/sts/session-caller.js'
import { openStore, type Store } from '../../src/store/index.js'

const A = '111122223333'
const ROLE_ID = 'AROAEXAMPLEROLE000001'
const ROLE_ARN = `arn:aws:iam::${A}:role/app`
const ACTIONS = [
  's3:GetObject',
  's3:PutObject',
  'iam:GetRole',
  'iam:PassRole',
  'ec2:RunInstances',
  'sts:AssumeRole',
]
const RESOURCES = [
  'arn:aws:s3:::bucket/key',
  `arn:aws:iam::${A}:role/app`,
  `arn:aws:iam::${A}:role/team/x`,
  '*',
]

const statement = fc.record({
  Effect: fc.constantFrom('Allow', 'Allow', 'Deny'),
  Action: fc.constantFrom('*', 's3:*', 's3:Get*', 'iam:*', 'iam:GetRole', 'ec2:*', 'sts:AssumeRole', [
    's3:PutObject',
    'iam:PassRole',
  ]),
  Resource: fc.constantFrom(
    '*',
    'arn:aws:s3:::bucket/*',
    `arn:aws:iam::${A}:role/*`,
    `arn:aws:iam::${A}:role/team/*`,
  ),
  Condition: fc.option(
    fc.constantFrom(
      { Bool: { 'aws:MultiFactorAuthPresent': 'true' } },
      { StringEquals: { 'aws:PrincipalTag/team': 'core' } },
      { StringLike: { 'aws:userid': 'AROA*:s-*' } },
      { DateGreaterThan: { 'aws:TokenIssueTime': '2026-01-01T00:00:00Z' } },
    ),
    { nil: undefined },
  ),
})
const document = fc.array(statement, { minLength: 1, maxLength: 4 }).map((statements) =>
  JSON.stringify({
    Version: '2012-10-17',
    Statement: statements.map(({ Condition, ...rest }) => (Condition ? { ...rest, Condition } : rest)),
  }),
)

const allowed = (caller: Caller, action: string, resource: string): boolean =>
  decide(
    { principal: caller.principal, action, resource, resourceAccount: A, context: caller.context },
    { identity: caller.identity, boundaries: caller.boundaries, session: caller.session, resource: null },
  ).effect === 'Allow'

describe('property: a role session never holds a permission its role lacks', () => {
  let store: Store
  let dir: string
  const loader = new PolicyLoader(new LruPolicyCache(1000))
  const now = new Date('2026-11-28T12:00:00Z')

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'lanyard-sts-prop-'))
    store = await openStore({
      kind: 'sqlite',
      file: join(dir, 'lanyard.db'),
      masterKey: new Uint8Array(32).fill(7),
    })
    await store.accounts.insert({ id: A, name: 'a', createdAt: now })
    await store.roles.insert({
      id: ROLE_ID,
      accountId: A,
      name: 'app',
      path: '/',
      trustPolicy: '{"Version":"2012-10-17","Statement":[]}',
      maxSessionDuration: 3600,
      tags: [{ key: 'team', value: 'core' }],
      createdAt: now,
    })
  })
  after(async () => {
    await store.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('decide with the session policies ⊆ decide with the role alone', async () => {
    let sessionAllows = 0
    await fc.assert(
      fc.asyncProperty(
        document,
        document,
        fc.boolean(),
        fc.constantFrom('s-1', 'other'),
        async (rolePolicy, sessionPolicy, mfa, sessionName) => {
          await store.inlinePolicies.put({ kind: 'role', id: ROLE_ID }, 'p', rolePolicy, now)
          const base: SessionClaims = {
            kind: 'AssumedRole',
            accessKeyId: 'ASIAEXAMPLE000000001',
            secretAccessKey: 'x'.repeat(40),
            accountId: A,
            arn: `arn:aws:sts::${A}:assumed-role/app/${sessionName}`,
            principalArn: ROLE_ARN,
            uniqueId: ROLE_ID,
            sessionName,
            issuedAt: now.getTime() - 60_000,
            expiresAt: now.getTime() + 3_600_000,
            ...(mfa ? { mfaAuthenticatedAt: now.getTime() - 60_000 } : {}),
          }
          const roleOnly = sessionCaller(base, await loadSessionBasis(store, loader, base), now)
          const withPolicy = { ...base, sessionPolicy }
          const scoped = sessionCaller(withPolicy, await loadSessionBasis(store, loader, withPolicy), now)
          assert.equal(scoped.session.length, 1)
          for (const action of ACTIONS)
            for (const resource of RESOURCES)
              if (allowed(scoped, action, resource) && ++sessionAllows > 0)
                assert.ok(allowed(roleOnly, action, resource), `${action} on ${resource}`)
        },
      ),
      { numRuns: 200 },
    )
    // The generators do produce sessions that are allowed something, so the property is not vacuous.
    assert.ok(sessionAllows > 50, String(sessionAllows))
  })
})
