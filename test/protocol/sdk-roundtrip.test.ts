import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import {
  CreateRoleCommand,
  GetAccountSummaryCommand,
  GetRoleCommand,
  IAMClient,
  ListRolesCommand,
  NoSuchEntityException,
  SimulateCustomPolicyCommand,
  TagRoleCommand,
} from '@aws-sdk/client-iam'
import { AssumeRoleCommand, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts'
import { MODELS, type ModelName } from '../../src/models/index.js'
import {
  type ErrorToRender,
  parseRequest,
  serializeError,
  serializeResponse,
} from '../../src/protocol/index.js'
import { CaptureServer, toWire } from './capture-server.js'

const server = new CaptureServer()
const config = (endpoint: string) => ({
  endpoint,
  region: 'eu-west-1',
  maxAttempts: 1,
  credentials: {
    accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
    secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  },
})
let sts: STSClient
let iam: IAMClient

before(async () => {
  const endpoint = await server.start()
  sts = new STSClient(config(endpoint))
  iam = new IAMClient(config(endpoint))
})
after(async () => {
  sts.destroy()
  iam.destroy()
  await server.stop()
})

/** What the SDK sent for the last call, parsed back by Lanyard's query parser. */
function parseLast(model: ModelName, operation: string): Record<string, unknown> {
  const result = parseRequest('query', MODELS[model], operation, toWire(server.last))
  assert.ok(result.ok, result.ok ? '' : JSON.stringify(result.error))
  return result.input
}

const withoutMetadata = ({ $metadata: _, ...rest }: { $metadata: unknown }): Record<string, unknown> => rest

describe('SDK v3 round trip: requests the real client sends are parsed back', () => {
  it('STS AssumeRole with policy ARNs, tags and a duration', async () => {
    const input = {
      RoleArn: 'arn:aws:iam::111122223333:role/demo',
      RoleSessionName: 'sess',
      DurationSeconds: 1800,
      PolicyArns: [{ arn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }],
      Tags: [{ Key: 'team', Value: 'blue' }],
      TransitiveTagKeys: ['team'],
      ExternalId: 'ext-1',
    }
    server.next = serializeResponse('query', MODELS.sts, 'AssumeRole', {}, 'r')
    await sts.send(new AssumeRoleCommand(input))
    assert.deepEqual(parseLast('sts', 'AssumeRole'), input)
  })

  it('IAM CreateRole with tags and an empty-valued description', async () => {
    const input = {
      RoleName: 'app',
      Path: '/svc/',
      AssumeRolePolicyDocument: '{"Version":"2012-10-17","Statement":[]}',
      Description: 'a b+c&d',
      MaxSessionDuration: 7200,
      Tags: [
        { Key: 'k1', Value: 'v1' },
        { Key: 'k2', Value: '' },
      ],
    }
    server.next = serializeResponse('query', MODELS.iam, 'CreateRole', undefined, 'r')
    await iam.send(new CreateRoleCommand(input))
    assert.deepEqual(parseLast('iam', 'CreateRole'), input)
  })

  it('IAM SimulateCustomPolicy with nested lists, empty lists and context entries', async () => {
    const input = {
      PolicyInputList: ['{}'],
      ActionNames: ['s3:GetObject', 's3:PutObject'],
      ResourceArns: [],
      ContextEntries: [
        { ContextKeyName: 'aws:SourceIp', ContextKeyValues: ['10.0.0.1'], ContextKeyType: 'ip' as const },
      ],
    }
    server.next = serializeResponse('query', MODELS.iam, 'SimulateCustomPolicy', { IsTruncated: false }, 'r')
    await iam.send(new SimulateCustomPolicyCommand(input))
    assert.deepEqual(parseLast('iam', 'SimulateCustomPolicy'), input)
  })
})

describe('SDK v3 round trip: responses Lanyard writes are read by the real client', () => {
  it('STS AssumeRole credentials, with the request id from the header', async () => {
    const output = {
      Credentials: {
        AccessKeyId: 'ASIAEXAMPLE',
        SecretAccessKey: 'secret',
        SessionToken: 'token',
        Expiration: new Date('2026-11-28T11:00:00Z'),
      },
      AssumedRoleUser: {
        AssumedRoleId: 'AROAEXAMPLE:sess',
        Arn: 'arn:aws:sts::111122223333:assumed-role/demo/sess',
      },
      PackedPolicySize: 6,
      SourceIdentity: 'me',
    }
    server.next = serializeResponse('query', MODELS.sts, 'AssumeRole', output, 'req-123')
    const result = await sts.send(
      new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::1:role/x', RoleSessionName: 'sess' }),
    )
    assert.equal(result.$metadata.requestId, 'req-123')
    assert.deepEqual(withoutMetadata(result), output)
  })

  it('STS GetCallerIdentity', async () => {
    const output = {
      UserId: 'AIDAEXAMPLE',
      Account: '111122223333',
      Arn: 'arn:aws:iam::111122223333:user/a&b',
    }
    server.next = serializeResponse('query', MODELS.sts, 'GetCallerIdentity', output, 'r')
    assert.deepEqual(withoutMetadata(await sts.send(new GetCallerIdentityCommand({}))), output)
  })

  it('IAM GetRole with tags, last-used date and a permissions boundary', async () => {
    const output = {
      Role: {
        Path: '/',
        RoleName: 'r',
        RoleId: 'AROAEXAMPLE',
        Arn: 'arn:aws:iam::111122223333:role/r',
        CreateDate: new Date('2026-11-28T10:00:00Z'),
        AssumeRolePolicyDocument: '%7B%7D',
        MaxSessionDuration: 3600,
        PermissionsBoundary: {
          PermissionsBoundaryType: 'Policy' as const,
          PermissionsBoundaryArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess',
        },
        Tags: [{ Key: 'k', Value: 'v' }],
        RoleLastUsed: { LastUsedDate: new Date('2026-11-28T10:30:00.250Z'), Region: 'eu-west-1' },
      },
    }
    server.next = serializeResponse('query', MODELS.iam, 'GetRole', output, 'r')
    assert.deepEqual(withoutMetadata(await iam.send(new GetRoleCommand({ RoleName: 'r' }))), output)
  })

  it('IAM ListRoles with no roles gives an empty list, not a missing key', async () => {
    server.next = serializeResponse('query', MODELS.iam, 'ListRoles', { IsTruncated: false }, 'r')
    assert.deepEqual(withoutMetadata(await iam.send(new ListRolesCommand({}))), {
      Roles: [],
      IsTruncated: false,
    })
  })

  it('IAM GetAccountSummary map', async () => {
    const output = { SummaryMap: { Users: 1, Roles: 2 } }
    server.next = serializeResponse('query', MODELS.iam, 'GetAccountSummary', output, 'r')
    assert.deepEqual(withoutMetadata(await iam.send(new GetAccountSummaryCommand({}))), output)
  })

  it('IAM TagRole (no output) succeeds', async () => {
    server.next = serializeResponse('query', MODELS.iam, 'TagRole', undefined, 'r-tag')
    const result = await iam.send(new TagRoleCommand({ RoleName: 'r', Tags: [{ Key: 'k', Value: 'v' }] }))
    assert.equal(result.$metadata.requestId, 'r-tag')
  })

  it('IAM NoSuchEntity is raised as NoSuchEntityException with code, message and request id', async () => {
    const error: ErrorToRender = {
      code: 'NoSuchEntity',
      status: 404,
      message: 'The role with name r cannot be found.',
    }
    server.next = serializeError('query', MODELS.iam, error, 'req-err')
    await assert.rejects(iam.send(new GetRoleCommand({ RoleName: 'r' })), (e: unknown) => {
      assert.ok(e instanceof NoSuchEntityException)
      assert.equal(e.message, 'The role with name r cannot be found.')
      assert.equal(e.$metadata.httpStatusCode, 404)
      assert.equal(e.$metadata.requestId, 'req-err')
      assert.equal(e.$fault, 'client')
      return true
    })
  })
})
