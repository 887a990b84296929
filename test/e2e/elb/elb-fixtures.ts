import assert from 'node:assert/strict'
import { ElasticLoadBalancingClient } from '@aws-sdk/client-elastic-load-balancing'
import { ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2'
import type { Store } from '../../../src/store/index.js'
import { ACCOUNT, type Keys } from '../sts/sts-fixtures.js'

/** The region every ELB test uses. */
export const REGION = 'us-east-1'

/** An ELBv2 client for `keys` against `url`. */
export const elbv2Client = (url: string, keys: Keys): ElasticLoadBalancingV2Client =>
  new ElasticLoadBalancingV2Client({ endpoint: url, region: REGION, credentials: keys, maxAttempts: 1 })

/** A classic ELB client for `keys` against `url`. */
export const elbClient = (url: string, keys: Keys): ElasticLoadBalancingClient =>
  new ElasticLoadBalancingClient({ endpoint: url, region: REGION, credentials: keys, maxAttempts: 1 })

const ec2 = (
  store: Store,
  type: string,
  id: string,
  attributes: Record<string, unknown>,
  parentId?: string,
) =>
  store.cloudResources.insert({
    arn: `arn:aws:ec2:${REGION}:${ACCOUNT}:${type}/${id}`,
    accountId: ACCOUNT,
    region: REGION,
    service: 'ec2',
    type,
    id,
    ...(parentId === undefined ? {} : { parentId }),
    attributes,
    tags: [],
    at: new Date(),
  })

/** The EC2 resources the ELB tests place load balancers in, stored straight into the shared store. */
export const NET = {
  vpc: 'vpc-0e1b0000000000001',
  otherVpc: 'vpc-0e1b0000000000002',
  subnetA: 'subnet-0e1b00000000000a1',
  subnetB: 'subnet-0e1b00000000000b1',
  subnetA2: 'subnet-0e1b00000000000a2',
  otherSubnet: 'subnet-0e1b0000000000ff1',
  sg: 'sg-0e1b000000000000a',
  defaultSg: 'sg-0e1b0000000000def',
  running: 'i-0e1b0000000000001',
  running2: 'i-0e1b0000000000002',
  stopped: 'i-0e1b0000000000003',
} as const

/**
 * Stores two VPCs, subnets in us-east-1a/b, security groups and instances (two running, one stopped), in the
 * shapes the EC2 service stores them (wire member names; instances camelCase).
 */
export async function seedNetwork(store: Store): Promise<void> {
  await ec2(store, 'vpc', NET.vpc, { CidrBlock: '10.0.0.0/16' })
  await ec2(store, 'vpc', NET.otherVpc, { CidrBlock: '10.1.0.0/16' })
  await ec2(store, 'subnet', NET.subnetA, { AvailabilityZone: 'us-east-1a', VpcId: NET.vpc }, NET.vpc)
  await ec2(store, 'subnet', NET.subnetA2, { AvailabilityZone: 'us-east-1a', VpcId: NET.vpc }, NET.vpc)
  await ec2(store, 'subnet', NET.subnetB, { AvailabilityZone: 'us-east-1b', VpcId: NET.vpc }, NET.vpc)
  await ec2(
    store,
    'subnet',
    NET.otherSubnet,
    { AvailabilityZone: 'us-east-1c', VpcId: NET.otherVpc },
    NET.otherVpc,
  )
  await ec2(store, 'security-group', NET.sg, { GroupName: 'web', VpcId: NET.vpc }, NET.vpc)
  await ec2(store, 'security-group', NET.defaultSg, { GroupName: 'default', VpcId: NET.vpc }, NET.vpc)
  const since = Date.now() - 60_000
  for (const [id, name] of [
    [NET.running, 'running'],
    [NET.running2, 'running'],
    [NET.stopped, 'stopped'],
  ] as const)
    await ec2(
      store,
      'instance',
      id,
      { state: { name, since }, subnetId: NET.subnetA, vpcId: NET.vpc, availabilityZone: 'us-east-1a' },
      NET.subnetA,
    )
}

/** Waits `ms` milliseconds. */
export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

type SdkError = Error & { Code?: string; $metadata?: { httpStatusCode?: number } }

/** Asserts that `call` fails with the wire error code (the SDK's `Code`), HTTP status and exact message. */
export async function rejectsWithCode(
  call: Promise<unknown>,
  code: string,
  status: number,
  message: string | RegExp,
) {
  await assert.rejects(call, (error: SdkError) => {
    assert.equal(error.Code ?? error.name, code)
    assert.equal(error.$metadata?.httpStatusCode, status)
    if (typeof message === 'string') assert.equal(error.message, message)
    else assert.match(error.message, message)
    return true
  })
}
