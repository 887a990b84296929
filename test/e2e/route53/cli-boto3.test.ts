import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { awsMissing, boto3Missing, type DebianClients, startServerWithClients } from '../debian-clients.js'
import type { TestServer } from '../start.js'

/** boto3: a zone, an UPSERT, a duplicate CREATE (InvalidChangeBatch), records paged, GetChange; prints JSON. */
const BOTO3_SCRIPT = `
import json, os
import boto3, botocore
r53 = boto3.Session().client("route53", endpoint_url=os.environ["LANYARD_URL"])
zone = r53.create_hosted_zone(Name="py.example.org", CallerReference="py-1")["HostedZone"]
change = {"Action": "UPSERT", "ResourceRecordSet": {"Name": "api.py.example.org", "Type": "CNAME", "TTL": 300,
          "ResourceRecords": [{"Value": "lb.example.net"}]}}
info = r53.change_resource_record_sets(HostedZoneId=zone["Id"], ChangeBatch={"Changes": [change]})["ChangeInfo"]
try:
    change["Action"] = "CREATE"
    r53.change_resource_record_sets(HostedZoneId=zone["Id"], ChangeBatch={"Changes": [change]})
    error = None
except botocore.exceptions.ClientError as e:
    error = [e.response["Error"]["Code"], e.response["Error"]["Message"], e.response["ResponseMetadata"]["HTTPStatusCode"]]
names = []
for page in r53.get_paginator("list_resource_record_sets").paginate(HostedZoneId=zone["Id"], PaginationConfig={"PageSize": 1}):
    names += [r["Name"] + " " + r["Type"] for r in page["ResourceRecordSets"]]
status = r53.get_change(Id=info["Id"])["ChangeInfo"]["Status"]
print(json.dumps({"zone": zone["Name"], "status": info["Status"], "error": error, "names": names, "later": status}))
`

describe('e2e: Route 53 through the AWS CLI and boto3', () => {
  let server: TestServer
  let clients: DebianClients
  before(async () => {
    ;({ server, clients } = await startServerWithClients())
  })
  after(() => server.stop())

  it('aws route53: create-hosted-zone, change-resource-record-sets, list, delete errors', {
    skip: awsMissing,
  }, async () => {
    const created = await clients.aws(
      'route53',
      'create-hosted-zone',
      '--name',
      'cli.example.com',
      '--caller-reference',
      'cli-1',
    )
    const id = created.HostedZone.Id
    assert.match(id, /^\/hostedzone\/Z[A-Z0-9]+$/)
    assert.equal(created.ChangeInfo.Status, 'PENDING')
    const batch = JSON.stringify({
      Changes: [
        {
          Action: 'CREATE',
          ResourceRecordSet: {
            Name: 'www.cli.example.com',
            Type: 'A',
            TTL: 60,
            ResourceRecords: [{ Value: '192.0.2.1' }],
          },
        },
      ],
    })
    await clients.aws(
      'route53',
      'change-resource-record-sets',
      '--hosted-zone-id',
      id,
      '--change-batch',
      batch,
    )
    const listed = await clients.aws('route53', 'list-resource-record-sets', '--hosted-zone-id', id)
    assert.deepEqual(
      listed.ResourceRecordSets.map((r: { Name: string; Type: string }) => `${r.Name} ${r.Type}`),
      ['cli.example.com. NS', 'cli.example.com. SOA', 'www.cli.example.com. A'],
    )
    await assert.rejects(clients.aws('route53', 'delete-hosted-zone', '--id', id), (error: Error) => {
      assert.match(
        error.message,
        /An error occurred \(HostedZoneNotEmpty\) when calling the DeleteHostedZone operation: The specified hosted zone contains non-required resource record sets and so cannot be deleted\./,
      )
      return true
    })
  })

  it('boto3: UPSERT, InvalidChangeBatch, paginated records, GetChange', { skip: boto3Missing }, async () => {
    const out = await clients.python(BOTO3_SCRIPT)
    assert.equal(out.zone, 'py.example.org.')
    assert.equal(out.status, 'PENDING')
    assert.deepEqual(out.error, [
      'InvalidChangeBatch',
      "[Tried to create resource record set [name='api.py.example.org.', type='CNAME'] but it already exists]",
      400,
    ])
    assert.deepEqual(out.names, ['py.example.org. NS', 'py.example.org. SOA', 'api.py.example.org. CNAME'])
    assert.ok(['PENDING', 'INSYNC'].includes(out.later))
  })
})
