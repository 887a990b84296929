import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { awsMissing, boto3Missing, type DebianClients, startServerWithClients } from './debian-clients.js'
import type { TestServer } from './start.js'

if (awsMissing) console.log(`# skip AWS CLI e2e: ${awsMissing}`)
if (boto3Missing) console.log(`# skip boto3 e2e: ${boto3Missing}`)

/** boto3 against the server: get-caller-identity, then lookup-events for it; prints JSON. */
const BOTO3_SCRIPT = `
import json, os, sys, time
import boto3
session = boto3.Session()
endpoint = os.environ["LANYARD_URL"]
identity = session.client("sts", endpoint_url=endpoint).get_caller_identity()
request_id = identity["ResponseMetadata"]["RequestId"]
cloudtrail = session.client("cloudtrail", endpoint_url=endpoint)
for _ in range(50):
    events = cloudtrail.lookup_events(
        LookupAttributes=[{"AttributeKey": "EventName", "AttributeValue": "GetCallerIdentity"}]
    )["Events"]
    if any(json.loads(e["CloudTrailEvent"])["requestID"] == request_id for e in events):
        break
    time.sleep(0.1)
print(json.dumps({"account": identity["Account"], "arn": identity["Arn"], "requestId": request_id,
                  "requestIds": [json.loads(e["CloudTrailEvent"])["requestID"] for e in events],
                  "readOnly": [e["ReadOnly"] for e in events]}))
`

describe('e2e: the AWS CLI and boto3', () => {
  let server: TestServer
  let clients: DebianClients
  before(async () => {
    ;({ server, clients } = await startServerWithClients())
  })
  after(() => server.stop())

  it('aws sts get-caller-identity, then aws cloudtrail lookup-events finds it', {
    skip: awsMissing,
  }, async () => {
    const identity = await clients.aws('sts', 'get-caller-identity')
    assert.equal(identity.Account, '000000000000')
    assert.equal(identity.Arn, 'arn:aws:iam::000000000000:user/admin')
    await server.app.flushAudit()
    const out = await clients.aws(
      'cloudtrail',
      'lookup-events',
      '--lookup-attributes',
      'AttributeKey=EventName,AttributeValue=GetCallerIdentity',
      '--max-results',
      '5',
    )
    assert.ok(out.Events.length >= 1)
    const event = out.Events[0]
    assert.equal(event.EventName, 'GetCallerIdentity')
    assert.equal(event.ReadOnly, 'true')
    assert.equal(JSON.parse(event.CloudTrailEvent).userIdentity.arn, identity.Arn)
  })

  it('aws cloudtrail lookup-events reports InvalidMaxResultsException', { skip: awsMissing }, async () => {
    await assert.rejects(
      clients.aws('cloudtrail', 'lookup-events', '--max-results', '51'),
      (error: Error & { stderr?: string }) => {
        assert.match(error.stderr ?? '', /InvalidMaxResultsException/)
        return true
      },
    )
  })

  it('boto3 get_caller_identity, then lookup_events finds it', { skip: boto3Missing }, async () => {
    const out = await clients.python(BOTO3_SCRIPT)
    assert.equal(out.account, '000000000000')
    assert.equal(out.arn, 'arn:aws:iam::000000000000:user/admin')
    assert.ok(out.requestIds.includes(out.requestId), 'the call boto3 just made is in the trail')
    assert.ok(out.readOnly.every((value: string) => value === 'true'))
  })
})
