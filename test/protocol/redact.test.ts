import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { MODELS } from '../../src/models/index.js'
import { REDACTED, redactSensitive } from '../../src/protocol/index.js'

describe('redactSensitive', () => {
  it('hides the secret access key of STS credentials and keeps the rest', () => {
    const output = {
      Credentials: {
        AccessKeyId: 'ASIA1',
        SecretAccessKey: 's3cr3t',
        SessionToken: 't',
        Expiration: new Date(0),
      },
      AssumedRoleUser: { Arn: 'arn:aws:sts::1:assumed-role/r/s', AssumedRoleId: 'AROA:s' },
    }
    const redacted = redactSensitive(MODELS.sts, MODELS.sts.operations.AssumeRole!.output, output)
    assert.deepEqual(redacted, {
      ...output,
      Credentials: { ...output.Credentials, SecretAccessKey: REDACTED },
    })
    assert.equal(output.Credentials.SecretAccessKey, 's3cr3t', 'the original is not changed')
  })

  it('hides a web identity token in a request', () => {
    const input = { RoleArn: 'arn:aws:iam::1:role/r', RoleSessionName: 's', WebIdentityToken: 'eyJ...' }
    const redacted = redactSensitive(
      MODELS.sts,
      MODELS.sts.operations.AssumeRoleWithWebIdentity!.input,
      input,
    )
    assert.deepEqual(redacted, { ...input, WebIdentityToken: REDACTED })
  })

  it('hides secrets inside lists (IAM access keys) and Secrets Manager values', () => {
    const keys = { AccessKey: { UserName: 'u', AccessKeyId: 'AKIA', Status: 'Active', SecretAccessKey: 'x' } }
    assert.deepEqual(
      redactSensitive(MODELS.iam, MODELS.iam.operations.CreateAccessKey!.output, keys, '***'),
      {
        AccessKey: { ...keys.AccessKey, SecretAccessKey: '***' },
      },
    )
    const secret = { Name: 'db', SecretString: 'pw', Tags: [{ Key: 'k', Value: 'v' }] }
    assert.deepEqual(
      redactSensitive(MODELS.secretsmanager, MODELS.secretsmanager.operations.CreateSecret!.input, secret),
      {
        ...secret,
        SecretString: REDACTED,
      },
    )
  })

  it('honours member-level sensitivity from the model patches (EC2 user data)', () => {
    const input = { InstanceId: 'i-1', UserData: { Value: 'c2VjcmV0' } }
    const redacted = redactSensitive(MODELS.ec2, MODELS.ec2.operations.ModifyInstanceAttribute!.input, input)
    assert.deepEqual(redacted, { InstanceId: 'i-1', UserData: { Value: REDACTED } })
  })
})
