import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { awsMissing, boto3Missing, type DebianClients, debianClients } from '../debian-clients.js'
import { startTestServer, type TestServer } from '../start.js'

const TRUST = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: ['ec2.amazonaws.com'] }, Action: ['sts:AssumeRole'] }],
})

/** boto3: roles, pagination, an OIDC provider, a service-linked role and an error code; prints JSON. */
const BOTO3_SCRIPT = `
import json, os
import boto3, botocore
iam = boto3.Session().client("iam", endpoint_url=os.environ["LANYARD_URL"])
for i in range(5):
    iam.create_role(RoleName="py-%d" % i, Path="/py/", AssumeRolePolicyDocument=os.environ["TRUST"])
names = []
for page in iam.get_paginator("list_roles").paginate(PathPrefix="/py/", PaginationConfig={"PageSize": 2}):
    names += [r["RoleName"] for r in page["Roles"]]
role = iam.get_role(RoleName="py-0")["Role"]
arn = iam.create_open_id_connect_provider(Url="https://py.example.com", ClientIDList=["openshift"],
                                          ThumbprintList=["a" * 40])["OpenIDConnectProviderArn"]
provider = iam.get_open_id_connect_provider(OpenIDConnectProviderArn=arn)
slr = iam.create_service_linked_role(AWSServiceName="elasticloadbalancing.amazonaws.com")["Role"]
try:
    iam.create_role(RoleName="PY-0", AssumeRolePolicyDocument=os.environ["TRUST"])
    code = None
except botocore.exceptions.ClientError as e:
    code = [e.response["Error"]["Code"], e.response["Error"]["Message"], e.response["ResponseMetadata"]["HTTPStatusCode"]]
print(json.dumps({"names": names, "trust": role["AssumeRolePolicyDocument"], "url": provider["Url"],
                  "slr": slr["Arn"], "error": code}))
`

describe('e2e: roles, instance profiles and OIDC providers through the AWS CLI and boto3', () => {
  let server: TestServer
  let clients: DebianClients
  before(async () => {
    server = await startTestServer({ LANYARD_LOG_LEVEL: 'warn' })
    clients = debianClients(server, { TRUST })
  })
  after(() => server.stop())

  it('aws iam: create-role, get-role (decoded trust policy), instance profiles, OIDC provider', {
    skip: awsMissing,
  }, async () => {
    await clients.aws('iam', 'create-role', '--role-name', 'cli', '--assume-role-policy-document', TRUST)
    const role = (await clients.aws('iam', 'get-role', '--role-name', 'cli')).Role
    assert.deepEqual(role.AssumeRolePolicyDocument, {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }],
    })
    await clients.aws('iam', 'create-instance-profile', '--instance-profile-name', 'cli-profile')
    await clients.aws(
      'iam',
      'add-role-to-instance-profile',
      '--instance-profile-name',
      'cli-profile',
      '--role-name',
      'cli',
    )
    const profiles = await clients.aws('iam', 'list-instance-profiles-for-role', '--role-name', 'cli')
    assert.deepEqual(
      profiles.InstanceProfiles.map((p: { InstanceProfileName: string }) => p.InstanceProfileName),
      ['cli-profile'],
    )
    const created = await clients.aws(
      'iam',
      'create-open-id-connect-provider',
      '--url',
      'https://cli.example.com/id/1',
      '--client-id-list',
      'openshift',
      '--thumbprint-list',
      'a'.repeat(40),
    )
    const provider = await clients.aws(
      'iam',
      'get-open-id-connect-provider',
      '--open-id-connect-provider-arn',
      created.OpenIDConnectProviderArn,
    )
    assert.equal(provider.Url, 'cli.example.com/id/1')
  })

  it('aws iam delete-role of a role in an instance profile fails with DeleteConflict', {
    skip: awsMissing,
  }, async () => {
    await assert.rejects(
      clients.aws('iam', 'delete-role', '--role-name', 'cli'),
      (error: Error & { stderr?: string }) => {
        assert.match(
          error.stderr ?? '',
          /An error occurred \(DeleteConflict\) when calling the DeleteRole operation: Cannot delete entity, must remove roles from instance profile first\./,
        )
        return true
      },
    )
  })

  it('boto3: paginated ListRoles, decoded trust policy, OIDC Url, service-linked role, error code', {
    skip: boto3Missing,
  }, async () => {
    const out = await clients.python(BOTO3_SCRIPT)
    assert.deepEqual(out.names, ['py-0', 'py-1', 'py-2', 'py-3', 'py-4'])
    assert.equal(out.trust.Statement[0].Action, 'sts:AssumeRole')
    assert.equal(out.url, 'py.example.com')
    assert.equal(
      out.slr,
      'arn:aws:iam::000000000000:role/aws-service-role/elasticloadbalancing.amazonaws.com/AWSServiceRoleForElasticLoadBalancing',
    )
    assert.deepEqual(out.error, ['EntityAlreadyExists', 'Role with name PY-0 already exists.', 409])
  })
})
