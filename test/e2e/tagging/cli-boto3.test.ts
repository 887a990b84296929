import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { awsMissing, boto3Missing, type DebianClients, startServerWithClients } from '../debian-clients.js'
import type { TestServer } from '../start.js'

/** boto3: tagged secrets found with the GetResources paginator, then untagged; prints JSON. */
const BOTO3_SCRIPT = `
import json, os
import boto3
session = boto3.Session()
sm = session.client("secretsmanager", endpoint_url=os.environ["LANYARD_URL"])
tagging = session.client("resourcegroupstaggingapi", endpoint_url=os.environ["LANYARD_URL"])
arns = [sm.create_secret(Name="py-%d" % i, Tags=[{"Key": "cluster", "Value": "py"}])["ARN"] for i in range(3)]
found = []
for page in tagging.get_paginator("get_resources").paginate(TagFilters=[{"Key": "cluster", "Values": ["py"]}], ResourcesPerPage=2):
    found += [m["ResourceARN"] for m in page["ResourceTagMappingList"]]
failed = tagging.untag_resources(ResourceARNList=arns, TagKeys=["cluster"])["FailedResourcesMap"]
left = tagging.get_resources(TagFilters=[{"Key": "cluster"}])["ResourceTagMappingList"]
print(json.dumps({"arns": sorted(arns), "found": sorted(found), "failed": failed, "left": left}))
`

describe('e2e: Resource Groups Tagging API through the AWS CLI and boto3', () => {
  let server: TestServer
  let clients: DebianClients
  before(async () => {
    ;({ server, clients } = await startServerWithClients())
  })
  after(() => server.stop())

  it('aws resourcegroupstaggingapi: tag-resources, get-resources, get-tag-keys', {
    skip: awsMissing,
  }, async () => {
    const secret = await clients.aws(
      'secretsmanager',
      'create-secret',
      '--name',
      'cli-secret',
      '--secret-string',
      'x',
    )
    const tagged = await clients.aws(
      'resourcegroupstaggingapi',
      'tag-resources',
      '--resource-arn-list',
      secret.ARN,
      '--tags',
      'owner=cli',
    )
    assert.deepEqual(tagged.FailedResourcesMap, {})
    const found = await clients.aws(
      'resourcegroupstaggingapi',
      'get-resources',
      '--tag-filters',
      'Key=owner,Values=cli',
    )
    assert.deepEqual(found.ResourceTagMappingList, [
      { ResourceARN: secret.ARN, Tags: [{ Key: 'owner', Value: 'cli' }] },
    ])
    assert.deepEqual((await clients.aws('resourcegroupstaggingapi', 'get-tag-keys')).TagKeys, ['owner'])
  })

  it('boto3: the get_resources paginator and untag_resources', { skip: boto3Missing }, async () => {
    const out = await clients.python(BOTO3_SCRIPT)
    assert.equal(out.found.length, 3)
    assert.deepEqual(out.found, out.arns)
    assert.deepEqual(out.failed, {})
    assert.deepEqual(out.left, [])
  })
})
