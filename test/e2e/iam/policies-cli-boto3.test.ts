import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { type DebianClients, debianClients } from '../debian-clients.js'
import { startTestServer, type TestServer } from '../start.js'
import { addRole, addUser, localPolicyArn } from './policy-fixtures.js'

const DOCUMENT = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }],
}

/** boto3 calls on policies; prints what came back as JSON. */
const BOTO3_SCRIPT = `
import json, os
import boto3
iam = boto3.Session().client("iam", endpoint_url=os.environ["LANYARD_URL"])
arn = os.environ["POLICY_ARN"]
document = json.dumps({"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Action": "s3:*", "Resource": "*"}]})
version = iam.create_policy_version(PolicyArn=arn, PolicyDocument=document, SetAsDefault=True)["PolicyVersion"]
got = iam.get_policy_version(PolicyArn=arn, VersionId=version["VersionId"])["PolicyVersion"]
iam.put_role_policy(RoleName="cli-role", PolicyName="inline", PolicyDocument=document)
inline = iam.get_role_policy(RoleName="cli-role", PolicyName="inline")
iam.attach_role_policy(RoleName="cli-role", PolicyArn=arn)
entities = iam.list_entities_for_policy(PolicyArn=arn)
try:
    iam.delete_policy_version(PolicyArn=arn, VersionId=version["VersionId"])
    error = None
except iam.exceptions.DeleteConflictException as e:
    error = e.response["Error"]
print(json.dumps({"versionId": version["VersionId"], "document": got["Document"], "inline": inline["PolicyDocument"],
                  "roles": [r["RoleName"] for r in entities["PolicyRoles"]], "error": error}))
`

describe('e2e iam: policies through the AWS CLI and boto3', () => {
  let server: TestServer
  let clients: DebianClients
  before(async () => {
    server = await startTestServer({ LANYARD_LOG_LEVEL: 'warn' })
    clients = debianClients(server, { AWS_MAX_ATTEMPTS: '1' })
    await addUser(server, 'cli-user')
    await addRole(server, 'cli-role')
  })
  after(() => server.stop())

  const aws = (...args: string[]) => clients.aws('iam', ...args)

  it('aws iam: create-policy, get-policy-version and get-user-policy give documents back as JSON objects', async () => {
    const created = await aws(
      'create-policy',
      '--policy-name',
      'CliPolicy',
      '--policy-document',
      JSON.stringify(DOCUMENT),
    )
    assert.equal(created.Policy.Arn, localPolicyArn('CliPolicy'))
    const version = await aws('get-policy-version', '--policy-arn', created.Policy.Arn, '--version-id', 'v1')
    assert.deepEqual(version.PolicyVersion.Document, DOCUMENT)
    await aws(
      'put-user-policy',
      '--user-name',
      'cli-user',
      '--policy-name',
      'mine',
      '--policy-document',
      JSON.stringify(DOCUMENT),
    )
    const inline = await aws('get-user-policy', '--user-name', 'cli-user', '--policy-name', 'mine')
    assert.deepEqual(inline.PolicyDocument, DOCUMENT)
    await aws('attach-user-policy', '--user-name', 'cli-user', '--policy-arn', created.Policy.Arn)
    const attached = await aws('list-attached-user-policies', '--user-name', 'cli-user')
    assert.deepEqual(attached.AttachedPolicies, [{ PolicyName: 'CliPolicy', PolicyArn: created.Policy.Arn }])
    // The CLI follows Marker itself: with a page size of 5 it still returns every AWS managed policy.
    const aws_ = await aws('list-policies', '--scope', 'AWS', '--page-size', '5')
    assert.ok(aws_.Policies.length > 5)
    assert.ok(aws_.Policies.some((p: { PolicyName: string }) => p.PolicyName === 'AdministratorAccess'))
  })

  it('aws iam: errors carry the code and AWS text', async () => {
    const missing = localPolicyArn('Missing')
    await assert.rejects(aws('get-policy', '--policy-arn', missing), (error: Error & { stderr?: string }) => {
      assert.match(
        error.stderr ?? '',
        /\(NoSuchEntity\).*Policy arn:aws:iam::000000000000:policy\/Missing was not found\./,
      )
      return true
    })
  })

  it('boto3: versions, inline role policies and entities; documents decode to dicts', async () => {
    const arn = localPolicyArn('CliPolicy')
    const out = await clients.python(BOTO3_SCRIPT, [], { POLICY_ARN: arn })
    const deny = { Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: 's3:*', Resource: '*' }] }
    assert.equal(out.versionId, 'v2')
    assert.deepEqual(out.document, deny)
    assert.deepEqual(out.inline, deny)
    assert.deepEqual(out.roles, ['cli-role'])
    assert.deepEqual(out.error, {
      Type: 'Sender',
      Code: 'DeleteConflict',
      Message: 'Cannot delete the default version of a policy.',
    })
  })
})
