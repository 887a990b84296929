import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { CloudTrailClient, LookupEventsCommand } from '@aws-sdk/client-cloudtrail'
import {
  AccessPointNotFoundException,
  CreateLoadBalancerCommand,
  DescribeLoadBalancersCommand as DescribeClassicCommand,
  ElasticLoadBalancingClient,
} from '@aws-sdk/client-elastic-load-balancing'
import {
  CreateListenerCommand,
  DescribeLoadBalancersCommand,
  ElasticLoadBalancingV2Client,
} from '@aws-sdk/client-elastic-load-balancing-v2'
import { MODELS } from '../../src/models/index.js'
import {
  findJsonOperation,
  findQueryOperation,
  parseRequest,
  readFormParams,
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
let elb: ElasticLoadBalancingClient
let elbv2: ElasticLoadBalancingV2Client
let cloudtrail: CloudTrailClient

before(async () => {
  const endpoint = await server.start()
  elb = new ElasticLoadBalancingClient(config(endpoint))
  elbv2 = new ElasticLoadBalancingV2Client(config(endpoint))
  cloudtrail = new CloudTrailClient(config(endpoint))
})
after(async () => {
  for (const client of [elb, elbv2, cloudtrail]) client.destroy()
  await server.stop()
})

/** Finds the operation by Action and Version among ELB and ELBv2, as the router does, and parses the input. */
function parsedElb(expectedModel: 'elb' | 'elbv2', operation: string): Record<string, unknown> {
  const wire = toWire(server.last)
  const found = findQueryOperation([MODELS.elb, MODELS.elbv2], readFormParams(wire.query, wire.body))
  assert.ok(found.ok)
  assert.equal(found.model, MODELS[expectedModel])
  assert.equal(found.operation.name, operation)
  const result = parseRequest('query', found.model, operation, wire)
  assert.ok(result.ok, result.ok ? '' : JSON.stringify(result.error))
  return result.input
}

const withoutMetadata = ({ $metadata: _, ...rest }: { $metadata: unknown }): Record<string, unknown> => rest

describe('SDK v3 ELB and ELBv2 share action names and are told apart by Version', () => {
  it('classic CreateLoadBalancer', async () => {
    const input = {
      LoadBalancerName: 'lb',
      Listeners: [{ Protocol: 'TCP', LoadBalancerPort: 6443, InstanceProtocol: 'TCP', InstancePort: 6443 }],
      Subnets: ['subnet-1'],
      SecurityGroups: ['sg-1'],
      Scheme: 'internal',
      Tags: [{ Key: 'kubernetes.io/cluster/x', Value: 'owned' }],
    }
    server.next = serializeResponse('query', MODELS.elb, 'CreateLoadBalancer', { DNSName: 'lb.example' }, 'r')
    const result = await elb.send(new CreateLoadBalancerCommand(input))
    assert.equal(result.DNSName, 'lb.example')
    assert.deepEqual(parsedElb('elb', 'CreateLoadBalancer'), input)
  })

  it('ELBv2 CreateListener with a map of extra parameters', async () => {
    const input = {
      LoadBalancerArn: 'arn:aws:elasticloadbalancing:eu-west-1:111122223333:loadbalancer/net/x/1',
      Protocol: 'TCP' as const,
      Port: 6443,
      DefaultActions: [
        {
          Type: 'authenticate-oidc' as const,
          AuthenticateOidcConfig: {
            Issuer: 'https://i',
            AuthorizationEndpoint: 'https://a',
            TokenEndpoint: 'https://t',
            UserInfoEndpoint: 'https://u',
            ClientId: 'c',
            AuthenticationRequestExtraParams: { k1: 'v1', k2: 'v2' },
          },
        },
      ],
    }
    server.next = serializeResponse('query', MODELS.elbv2, 'CreateListener', { Listeners: [] }, 'r')
    await elbv2.send(new CreateListenerCommand(input))
    assert.deepEqual(parsedElb('elbv2', 'CreateListener'), input)
  })

  it('ELBv2 DescribeLoadBalancers output is read', async () => {
    const output = {
      LoadBalancers: [
        {
          LoadBalancerArn: 'arn:lb',
          DNSName: 'lb.example',
          CreatedTime: new Date('2026-11-28T10:00:00Z'),
          Scheme: 'internal' as const,
          VpcId: 'vpc-1',
          State: { Code: 'active' as const },
          Type: 'network' as const,
          AvailabilityZones: [{ ZoneName: 'eu-west-1a', SubnetId: 'subnet-1' }],
        },
      ],
    }
    server.next = serializeResponse('query', MODELS.elbv2, 'DescribeLoadBalancers', output, 'r')
    assert.deepEqual(withoutMetadata(await elbv2.send(new DescribeLoadBalancersCommand({}))), output)
  })

  it('AWS: the classic LoadBalancerNotFound code maps to AccessPointNotFoundException', async () => {
    const error = {
      code: 'LoadBalancerNotFound',
      status: 400,
      message: 'There is no ACTIVE Load Balancer named x',
    }
    server.next = serializeError('query', MODELS.elb, error, 'r')
    await assert.rejects(elb.send(new DescribeClassicCommand({ LoadBalancerNames: ['x'] })), (e: unknown) => {
      assert.ok(e instanceof AccessPointNotFoundException)
      assert.equal(e.message, error.message)
      return true
    })
  })
})

describe('SDK v3 CloudTrail LookupEvents (json)', () => {
  it('the request is found by X-Amz-Target and parsed; events are read back', async () => {
    const output = {
      Events: [
        {
          EventId: 'e1',
          EventName: 'GetCallerIdentity',
          ReadOnly: 'true',
          EventTime: new Date('2026-11-28T10:00:00Z'),
          EventSource: 'sts.amazonaws.com',
          Username: 'admin',
          Resources: [],
          CloudTrailEvent: '{"eventVersion":"1.08"}',
        },
      ],
    }
    server.next = serializeResponse('json', MODELS.cloudtrail, 'LookupEvents', output, 'req-ct')
    const input = {
      LookupAttributes: [{ AttributeKey: 'EventName' as const, AttributeValue: 'GetCallerIdentity' }],
      StartTime: new Date('2026-11-28T09:00:00Z'),
      MaxResults: 5,
    }
    const result = await cloudtrail.send(new LookupEventsCommand(input))
    assert.equal(result.$metadata.requestId, 'req-ct')
    assert.deepEqual(withoutMetadata(result), output)
    const wire = toWire(server.last)
    const found = findJsonOperation([MODELS.secretsmanager, MODELS.cloudtrail], wire.headers['x-amz-target'])
    assert.ok(found.ok && found.operation.name === 'LookupEvents')
    const parsed = parseRequest('json', MODELS.cloudtrail, 'LookupEvents', wire)
    assert.ok(parsed.ok, parsed.ok ? '' : JSON.stringify(parsed.error))
    assert.deepEqual(parsed.input, input)
  })
})
