import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import {
  ChangeResourceRecordSetsCommand,
  CreateHostedZoneCommand,
  ListHostedZonesCommand,
  NoSuchHostedZone,
  Route53Client,
} from '@aws-sdk/client-route-53'
import {
  CreateSecretCommand,
  DescribeSecretCommand,
  ResourceNotFoundException,
  SecretsManagerClient,
} from '@aws-sdk/client-secrets-manager'
import { MODELS } from '../../src/models/index.js'
import {
  findJsonOperation,
  findRestOperation,
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
  credentials: { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'secret' },
})
let route53: Route53Client
let secrets: SecretsManagerClient

before(async () => {
  const endpoint = await server.start()
  route53 = new Route53Client(config(endpoint))
  secrets = new SecretsManagerClient(config(endpoint))
})
after(async () => {
  route53.destroy()
  secrets.destroy()
  await server.stop()
})

const withoutMetadata = ({ $metadata: _, ...rest }: { $metadata: unknown }): Record<string, unknown> => rest

describe('SDK v3 Route 53 (rest-xml)', () => {
  it('ChangeResourceRecordSets is routed and parsed back', async () => {
    const input = {
      HostedZoneId: 'Z1',
      ChangeBatch: {
        Comment: 'api',
        Changes: [
          {
            Action: 'UPSERT' as const,
            ResourceRecordSet: {
              Name: 'api.example.com',
              Type: 'A' as const,
              AliasTarget: { HostedZoneId: 'Z2', DNSName: 'lb.example', EvaluateTargetHealth: false },
            },
          },
        ],
      },
    }
    server.next = serializeResponse(
      'rest-xml',
      MODELS.route53,
      'ChangeResourceRecordSets',
      { ChangeInfo: { Id: 'C1', Status: 'PENDING', SubmittedAt: new Date(0) } },
      'r',
    )
    await route53.send(new ChangeResourceRecordSetsCommand(input))
    const wire = toWire(server.last)
    assert.equal(findRestOperation(MODELS.route53, wire)?.name, 'ChangeResourceRecordSets')
    const result = parseRequest('rest-xml', MODELS.route53, 'ChangeResourceRecordSets', wire)
    assert.ok(result.ok, result.ok ? '' : JSON.stringify(result.error))
    assert.deepEqual(result.input, input)
  })

  it('CreateHostedZone: status 201, Location header and body are read', async () => {
    const output = {
      HostedZone: {
        Id: '/hostedzone/Z1',
        Name: 'example.com.',
        CallerReference: 'c',
        Config: { PrivateZone: true },
        ResourceRecordSetCount: 2,
      },
      ChangeInfo: {
        Id: '/change/C1',
        Status: 'PENDING' as const,
        SubmittedAt: new Date('2026-11-28T10:00:00Z'),
      },
      DelegationSet: { NameServers: ['ns-1.example'] },
      VPC: { VPCRegion: 'eu-west-1' as const, VPCId: 'vpc-1' },
      Location: 'https://route53.amazonaws.com/2013-04-01/hostedzone/Z1',
    }
    server.next = serializeResponse('rest-xml', MODELS.route53, 'CreateHostedZone', output, 'req-zone')
    const result = await route53.send(
      new CreateHostedZoneCommand({ Name: 'example.com', CallerReference: 'c' }),
    )
    assert.equal(result.$metadata.requestId, 'req-zone')
    assert.deepEqual(withoutMetadata(result), output)
  })

  it('ListHostedZones with no zones gives an empty list', async () => {
    server.next = serializeResponse(
      'rest-xml',
      MODELS.route53,
      'ListHostedZones',
      { IsTruncated: false, MaxItems: '100', Marker: '' },
      'r',
    )
    const result = await route53.send(new ListHostedZonesCommand({}))
    assert.deepEqual(result.HostedZones, [])
  })

  it('NoSuchHostedZone is raised as the modelled exception', async () => {
    const error = { code: 'NoSuchHostedZone', status: 404, message: 'No hosted zone found with ID: Z1' }
    server.next = serializeError('rest-xml', MODELS.route53, error, 'r-err')
    await assert.rejects(
      route53.send(new ChangeResourceRecordSetsCommand({ HostedZoneId: 'Z1', ChangeBatch: { Changes: [] } })),
      (e: unknown) => {
        assert.ok(e instanceof NoSuchHostedZone)
        assert.equal(e.message, 'No hosted zone found with ID: Z1')
        return true
      },
    )
  })
})

describe('SDK v3 Secrets Manager (json)', () => {
  it('CreateSecret: found by X-Amz-Target and parsed back', async () => {
    const input = {
      Name: 'cluster/oidc-key',
      SecretString: '{"k":"v"}',
      Description: 'd',
      Tags: [{ Key: 'red-hat-managed', Value: 'true' }],
      ClientRequestToken: 'tok-0123456789abcdef0123456789abcdef',
    }
    server.next = serializeResponse(
      'json',
      MODELS.secretsmanager,
      'CreateSecret',
      { ARN: 'arn', Name: input.Name },
      'r',
    )
    await secrets.send(new CreateSecretCommand(input))
    const wire = toWire(server.last)
    assert.equal(wire.headers['content-type'], 'application/x-amz-json-1.1')
    const found = findJsonOperation([MODELS.secretsmanager, MODELS.cloudtrail], wire.headers['x-amz-target'])
    assert.ok(found.ok)
    assert.equal(found.operation.name, 'CreateSecret')
    const result = parseRequest('json', MODELS.secretsmanager, 'CreateSecret', wire)
    assert.ok(result.ok, result.ok ? '' : JSON.stringify(result.error))
    assert.deepEqual(result.input, input)
  })

  it('DescribeSecret: epoch-second dates and maps are read', async () => {
    const output = {
      ARN: 'arn:aws:secretsmanager:eu-west-1:111122223333:secret:db-AbCdEf',
      Name: 'db',
      LastChangedDate: new Date('2026-11-28T10:00:00.250Z'),
      Tags: [{ Key: 'k', Value: 'v' }],
      VersionIdsToStages: { v1: ['AWSCURRENT'] },
      CreatedDate: new Date('2026-11-28T09:00:00Z'),
    }
    server.next = serializeResponse('json', MODELS.secretsmanager, 'DescribeSecret', output, 'req-sec')
    const result = await secrets.send(new DescribeSecretCommand({ SecretId: 'db' }))
    assert.equal(result.$metadata.requestId, 'req-sec')
    assert.deepEqual(withoutMetadata(result), output)
  })

  it('ResourceNotFoundException is raised with its message', async () => {
    const error = {
      code: 'ResourceNotFoundException',
      status: 400,
      message: "Secrets Manager can't find the specified secret.",
    }
    server.next = serializeError('json', MODELS.secretsmanager, error, 'r')
    await assert.rejects(secrets.send(new DescribeSecretCommand({ SecretId: 'x' })), (e: unknown) => {
      assert.ok(e instanceof ResourceNotFoundException)
      assert.equal(e.message, error.message)
      return true
    })
  })
})
