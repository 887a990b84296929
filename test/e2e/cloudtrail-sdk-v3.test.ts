import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import {
  CloudTrailClient,
  type Event,
  LookupEventsCommand,
  type LookupEventsCommandInput,
} from '@aws-sdk/client-cloudtrail'
import { GetUserCommand, IAMClient } from '@aws-sdk/client-iam'
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts'
import { addAccount } from '../../src/app.js'
import { resolveConfig } from '../../src/server/index.js'
import { startTestServer, type TestServer } from './start.js'

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true'

describe('e2e: CloudTrail LookupEvents with the SDK v3', () => {
  let server: TestServer
  let config: { endpoint: string; region: string; credentials: TestServer['credentials'] }
  let cloudtrail: CloudTrailClient
  before(async () => {
    server = await startTestServer({ LANYARD_LOG_LEVEL: 'warn' })
    config = { endpoint: server.url, region: 'us-east-1', credentials: server.credentials }
    cloudtrail = new CloudTrailClient(config)
  })
  after(() => server.stop())

  it('sees a GetCallerIdentity made just before, with the fields LookupEvents returns', async () => {
    const identity = await new STSClient(config).send(new GetCallerIdentityCommand({}))
    await server.app.flushAudit()
    const out = await cloudtrail.send(new LookupEventsCommand({ MaxResults: 5 }))
    const event = out.Events?.find((e) => e.EventName === 'GetCallerIdentity')
    assert.ok(event, 'the GetCallerIdentity event')
    assert.equal(event.EventSource, 'sts.amazonaws.com')
    assert.equal(event.ReadOnly, 'true')
    assert.equal(event.Username, 'admin')
    assert.equal(event.AccessKeyId, server.credentials.accessKeyId)
    assert.ok(event.EventTime instanceof Date && Math.abs(event.EventTime.getTime() - Date.now()) < 60_000)
    const record = JSON.parse(event.CloudTrailEvent ?? '{}')
    assert.equal(record.eventID, event.EventId)
    assert.equal(record.requestID, identity.$metadata.requestId)
    assert.equal(record.userIdentity.arn, identity.Arn)
    assert.equal(record.recipientAccountId, '000000000000')
  })

  it('filters by EventName and returns the newest first', async () => {
    const iam = new IAMClient(config)
    await iam.send(new GetUserCommand({}))
    await iam.send(new GetUserCommand({}))
    await server.app.flushAudit()
    const out = await cloudtrail.send(
      new LookupEventsCommand({
        LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: 'GetUser' }],
      }),
    )
    const events = out.Events ?? []
    assert.ok(events.length >= 2)
    assert.ok(events.every((e) => e.EventName === 'GetUser'))
    const times = events.map((e) => e.EventTime!.getTime())
    assert.deepEqual(
      times,
      [...times].sort((a, b) => b - a),
    )
  })

  it('paginates with MaxResults and NextToken without repeating an event', async () => {
    const sts = new STSClient(config)
    for (let i = 0; i < 5; i++) await sts.send(new GetCallerIdentityCommand({}))
    await server.app.flushAudit()
    const attribute = { AttributeKey: 'EventName' as const, AttributeValue: 'GetCallerIdentity' }
    const all = await cloudtrail.send(new LookupEventsCommand({ LookupAttributes: [attribute] }))
    const seen: Event[] = []
    let token: string | undefined
    do {
      const page = await cloudtrail.send(
        new LookupEventsCommand({ LookupAttributes: [attribute], MaxResults: 2, NextToken: token }),
      )
      assert.ok((page.Events?.length ?? 0) <= 2)
      seen.push(...(page.Events ?? []))
      token = page.NextToken
    } while (token)
    assert.deepEqual(
      seen.map((e) => e.EventId),
      all.Events?.map((e) => e.EventId),
    )
    assert.ok(seen.length >= 6)
  })

  it('filters by ResourceName from the request parameters', async () => {
    await assert.rejects(new IAMClient(config).send(new GetUserCommand({ UserName: 'nobody' })))
    await server.app.flushAudit()
    const out = await cloudtrail.send(
      new LookupEventsCommand({
        LookupAttributes: [{ AttributeKey: 'ResourceName', AttributeValue: 'nobody' }],
      }),
    )
    assert.equal(out.Events?.length, 1)
    assert.deepEqual(out.Events?.[0]?.Resources, [{ ResourceType: 'AWS::IAM::User', ResourceName: 'nobody' }])
    assert.equal(JSON.parse(out.Events?.[0]?.CloudTrailEvent ?? '{}').errorCode, 'NoSuchEntity')
  })

  it('answers CloudTrail errors for bad input', async () => {
    const cases: Array<[LookupEventsCommandInput, string]> = [
      [
        {
          LookupAttributes: [
            { AttributeKey: 'EventName', AttributeValue: 'A' },
            { AttributeKey: 'Username', AttributeValue: 'B' },
          ],
        },
        'InvalidLookupAttributesException',
      ],
      [{ StartTime: new Date('2026-02-01'), EndTime: new Date('2026-01-01') }, 'InvalidTimeRangeException'],
      [{ MaxResults: 51 }, 'InvalidMaxResultsException'],
      [{ NextToken: 'not-a-token' }, 'InvalidNextTokenException'],
    ]
    for (const [input, name] of cases) {
      await assert.rejects(
        cloudtrail.send(new LookupEventsCommand(input)),
        (error: Error & { $metadata?: { httpStatusCode?: number } }) => {
          assert.equal(error.name, name)
          assert.equal(error.$metadata?.httpStatusCode, 400)
          return true
        },
      )
    }
  })

  it('a NextToken is bound to the parameters it was issued for', async () => {
    const page = await cloudtrail.send(new LookupEventsCommand({ MaxResults: 1 }))
    assert.ok(page.NextToken)
    await assert.rejects(
      cloudtrail.send(
        new LookupEventsCommand({
          NextToken: page.NextToken,
          LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: 'GetUser' }],
        }),
      ),
      { name: 'InvalidNextTokenException' },
    )
  })

  it("returns only the caller's account's events", async () => {
    const other = await addAccount(resolveConfig({ dataDir: server.dataDir }, {}), { id: '444455556666' })
    const otherConfig = { ...config, credentials: other }
    const identity = await new STSClient(otherConfig).send(new GetCallerIdentityCommand({}))
    assert.equal(identity.Account, '444455556666')
    await server.app.flushAudit()
    const theirs = await new CloudTrailClient(otherConfig).send(new LookupEventsCommand({}))
    assert.ok((theirs.Events?.length ?? 0) >= 1)
    for (const event of theirs.Events ?? [])
      assert.equal(JSON.parse(event.CloudTrailEvent ?? '{}').recipientAccountId, '444455556666')
    const ours = await cloudtrail.send(
      new LookupEventsCommand({
        LookupAttributes: [{ AttributeKey: 'AccessKeyId', AttributeValue: other.accessKeyId }],
      }),
    )
    assert.deepEqual(ours.Events, [])
  })
})
