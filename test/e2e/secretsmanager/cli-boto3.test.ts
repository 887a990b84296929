import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { awsMissing, boto3Missing, type DebianClients, startServerWithClients } from '../debian-clients.js'
import type { TestServer } from '../start.js'

/** boto3: create, put, get by stage, describe, list, a marked-for-deletion error; prints JSON. */
const BOTO3_SCRIPT = `
import json, os
import boto3, botocore
sm = boto3.Session().client("secretsmanager", endpoint_url=os.environ["LANYARD_URL"])
arn = sm.create_secret(Name="py/secret", SecretString="one")["ARN"]
sm.put_secret_value(SecretId=arn, SecretBinary=b"\\x00two")
current = sm.get_secret_value(SecretId="py/secret")["SecretBinary"]
previous = sm.get_secret_value(SecretId="py/secret", VersionStage="AWSPREVIOUS")["SecretString"]
names = [s["Name"] for s in sm.list_secrets(Filters=[{"Key": "name", "Values": ["py/"]}])["SecretList"]]
sm.delete_secret(SecretId=arn, RecoveryWindowInDays=7)
try:
    sm.get_secret_value(SecretId=arn)
    error = None
except botocore.exceptions.ClientError as e:
    error = [e.response["Error"]["Code"], e.response["Error"]["Message"], e.response["ResponseMetadata"]["HTTPStatusCode"]]
deleted = "DeletedDate" in sm.describe_secret(SecretId=arn)
print(json.dumps({"arn": arn, "current": list(current), "previous": previous, "names": names, "error": error, "deleted": deleted}))
`

describe('e2e: Secrets Manager through the AWS CLI and boto3', () => {
  let server: TestServer
  let clients: DebianClients
  before(async () => {
    ;({ server, clients } = await startServerWithClients())
  })
  after(() => server.stop())

  it('aws secretsmanager: create-secret, get-secret-value, tag-resource, describe-secret, errors', {
    skip: awsMissing,
  }, async () => {
    const created = await clients.aws(
      'secretsmanager',
      'create-secret',
      '--name',
      'cli/secret',
      '--secret-string',
      'cli-value',
    )
    assert.match(created.ARN, /:secret:cli\/secret-[A-Za-z0-9]{6}$/)
    const got = await clients.aws('secretsmanager', 'get-secret-value', '--secret-id', created.ARN)
    assert.equal(got.SecretString, 'cli-value')
    await clients.aws(
      'secretsmanager',
      'tag-resource',
      '--secret-id',
      'cli/secret',
      '--tags',
      'Key=env,Value=dev',
    )
    const described = await clients.aws('secretsmanager', 'describe-secret', '--secret-id', 'cli/secret')
    assert.deepEqual(described.Tags, [{ Key: 'env', Value: 'dev' }])
    await assert.rejects(
      clients.aws('secretsmanager', 'get-secret-value', '--secret-id', 'nope'),
      (error: Error) => {
        assert.match(
          error.message,
          /An error occurred \(ResourceNotFoundException\) when calling the GetSecretValue operation: Secrets Manager can't find the specified secret\./,
        )
        return true
      },
    )
  })

  it('boto3: versions and stages, binary values, list filters, deletion', {
    skip: boto3Missing,
  }, async () => {
    const out = await clients.python(BOTO3_SCRIPT)
    assert.deepEqual(out.current, [0, ...Buffer.from('two')])
    assert.equal(out.previous, 'one')
    assert.deepEqual(out.names, ['py/secret'])
    assert.deepEqual(out.error, [
      'InvalidRequestException',
      "You can't perform this operation on the secret because it was marked for deletion.",
      400,
    ])
    assert.equal(out.deleted, true)
  })
})
