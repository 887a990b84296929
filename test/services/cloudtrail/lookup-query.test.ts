import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { planLookup } from '../../../src/services/cloudtrail/lookup-query.js'
import { decodeNextToken, encodeNextToken } from '../../../src/services/cloudtrail/next-token.js'
import { eventResources, namesResource } from '../../../src/services/cloudtrail/resources.js'

const ACCOUNT = '111122223333'
const attr = (AttributeKey: string, AttributeValue: string) => ({
  LookupAttributes: [{ AttributeKey, AttributeValue }],
})

describe('cloudtrail: planLookup', () => {
  it('scopes to the account, newest first, 50 results by default', () => {
    const plan = planLookup({}, ACCOUNT)
    assert.deepEqual(plan.query, { accountId: ACCOUNT, order: 'newest' })
    assert.equal(plan.maxResults, 50)
    assert.equal(plan.resource, undefined)
  })

  for (const [key, value, expected] of [
    ['EventId', 'e-1', { eventId: 'e-1' }],
    ['EventName', 'GetUser', { eventName: 'GetUser' }],
    ['EventSource', 'iam.amazonaws.com', { eventSource: 'iam.amazonaws.com' }],
    ['Username', 'alice', { username: 'alice' }],
    ['AccessKeyId', 'AKIAEXAMPLE', { accessKeyId: 'AKIAEXAMPLE' }],
    ['ReadOnly', 'true', { readOnly: true }],
    ['ReadOnly', 'false', { readOnly: false }],
  ] as const) {
    it(`${key}=${value} becomes a store filter`, () => {
      const plan = planLookup(attr(key, value), ACCOUNT)
      assert.deepEqual(plan.query, { ...expected, accountId: ACCOUNT, order: 'newest' })
    })
  }

  it('ResourceType and ResourceName are filtered by the operation', () => {
    assert.deepEqual(planLookup(attr('ResourceName', 'bob'), ACCOUNT).resource, {
      key: 'ResourceName',
      value: 'bob',
    })
    assert.deepEqual(planLookup(attr('ResourceType', 'AWS::IAM::Role'), ACCOUNT).resource, {
      key: 'ResourceType',
      value: 'AWS::IAM::Role',
    })
  })

  it('the caller cannot widen the account with an attribute', () => {
    assert.equal(planLookup(attr('Username', 'x'), ACCOUNT).query.accountId, ACCOUNT)
  })

  it('more than one attribute is InvalidLookupAttributesException', () => {
    const input = {
      LookupAttributes: [
        ...attr('EventName', 'a').LookupAttributes,
        ...attr('Username', 'b').LookupAttributes,
      ],
    }
    assert.throws(() => planLookup(input, ACCOUNT), {
      code: 'InvalidLookupAttributesException',
      message: 'You cannot specify more than one lookup attribute.',
    })
  })

  it('ReadOnly other than true/false and empty values are InvalidLookupAttributesException', () => {
    assert.throws(() => planLookup(attr('ReadOnly', 'yes'), ACCOUNT), {
      code: 'InvalidLookupAttributesException',
    })
    assert.throws(() => planLookup(attr('EventName', ''), ACCOUNT), {
      code: 'InvalidLookupAttributesException',
    })
  })

  it('a start after the end is InvalidTimeRangeException; the end is inclusive', () => {
    const StartTime = new Date('2026-01-02T00:00:00Z')
    const EndTime = new Date('2026-01-01T00:00:00Z')
    assert.throws(() => planLookup({ StartTime, EndTime }, ACCOUNT), {
      code: 'InvalidTimeRangeException',
      message: 'Start time must be before end time.',
    })
    const plan = planLookup({ StartTime: EndTime, EndTime: StartTime }, ACCOUNT)
    assert.deepEqual(plan.query.from, EndTime)
    assert.deepEqual(plan.query.to, new Date(StartTime.getTime() + 1))
  })

  for (const bad of [0, 51, -3]) {
    it(`MaxResults ${bad} is InvalidMaxResultsException`, () => {
      assert.throws(() => planLookup({ MaxResults: bad }, ACCOUNT), {
        code: 'InvalidMaxResultsException',
        status: 400,
      })
    })
  }

  it('the parameters fingerprint differs by attribute and time range, not by MaxResults', () => {
    const base = planLookup(attr('EventName', 'A'), ACCOUNT).parameters
    assert.equal(planLookup({ ...attr('EventName', 'A'), MaxResults: 3 }, ACCOUNT).parameters, base)
    assert.notEqual(planLookup(attr('EventName', 'B'), ACCOUNT).parameters, base)
    assert.notEqual(
      planLookup({ ...attr('EventName', 'A'), StartTime: new Date(0) }, ACCOUNT).parameters,
      base,
    )
  })
})

describe('cloudtrail: NextToken', () => {
  it('round-trips the store cursor for the same parameters', () => {
    assert.equal(decodeNextToken(encodeNextToken('cursor-1', 'p'), 'p'), 'cursor-1')
  })

  it('a token for other parameters, or not ours, is InvalidNextTokenException', () => {
    const token = encodeNextToken('cursor-1', 'p')
    assert.throws(() => decodeNextToken(token, 'q'), { code: 'InvalidNextTokenException' })
    for (const bad of ['', 'not a token', Buffer.from('{"c":1}').toString('base64url')])
      assert.throws(() => decodeNextToken(bad, 'p'), { code: 'InvalidNextTokenException' })
  })
})

describe('cloudtrail: event resources', () => {
  it('derives resources from the requestParameters members', () => {
    const resources = eventResources({
      requestParameters: { userName: 'bob', policyArn: 'arn:aws:iam::aws:policy/X' },
    })
    assert.deepEqual(resources, [
      { ResourceType: 'AWS::IAM::User', ResourceName: 'bob' },
      { ResourceType: 'AWS::IAM::Policy', ResourceName: 'arn:aws:iam::aws:policy/X' },
    ])
    assert.ok(namesResource(resources, 'ResourceName', 'bob'))
    assert.ok(namesResource(resources, 'ResourceType', 'AWS::IAM::Policy'))
    assert.ok(!namesResource(resources, 'ResourceType', 'AWS::IAM::Role'))
  })

  it('an event without requestParameters names no resource', () => {
    assert.deepEqual(eventResources({ requestParameters: null }), [])
  })
})
