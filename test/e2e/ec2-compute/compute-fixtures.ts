import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { EC2Client } from '@aws-sdk/client-ec2'
import { type RunningApp, startApp } from '../../../src/app.js'
import type { Clock } from '../../../src/kernel/clock.js'
import { resolveConfig } from '../../../src/server/index.js'
import { catalogImages } from '../../../src/services/ec2/compute/image-catalog.js'
import type { Store } from '../../../src/store/index.js'
import type { Keys } from '../sts/sts-fixtures.js'

export {
  ACCOUNT,
  createRole,
  createUser,
  type Keys,
  keysOf,
  policy,
  rejectsWith,
  stsClient,
  trust,
} from '../sts/sts-fixtures.js'

/** A clock that runs with the wall clock plus an offset the test moves forward. */
export interface MovableClock extends Clock {
  readonly offsetMs: number
  advance(ms: number): void
}

/** The wall clock shifted by a growing offset (clients sign with the same offset, so SigV4 stays in its window). */
export function movableClock(): MovableClock {
  let offset = 0
  return {
    now: () => new Date(Date.now() + offset),
    get offsetMs() {
      return offset
    },
    advance(ms: number) {
      offset += ms
    },
  }
}

/** A started Lanyard with a movable clock. */
export interface ComputeServer {
  readonly app: RunningApp
  readonly url: string
  readonly dataDir: string
  readonly clock: MovableClock
  readonly admin: Keys
  /** An EC2 client signing at the server's clock. */
  ec2(keys?: Keys, region?: string): EC2Client
  stop(): Promise<void>
}

/** Starts Lanyard on an ephemeral port and a temporary data dir, on a movable clock. */
export async function startComputeServer(): Promise<ComputeServer> {
  const dataDir = await mkdtemp(join(tmpdir(), 'lanyard-ec2-'))
  const clock = movableClock()
  const app = await startApp(resolveConfig({ host: '127.0.0.1', port: 0, dataDir }, {}), { clock })
  const text = await readFile(app.credentialsFile, 'utf8')
  const admin = {
    accessKeyId: /aws_access_key_id = (\S+)/.exec(text)![1]!,
    secretAccessKey: /aws_secret_access_key = (\S+)/.exec(text)![1]!,
  }
  return {
    app,
    url: app.url,
    dataDir,
    clock,
    admin,
    ec2: (keys = admin, region = 'us-east-1') =>
      new EC2Client({
        endpoint: app.url,
        region,
        credentials: keys,
        maxAttempts: 1,
        systemClockOffset: clock.offsetMs,
      }),
    async stop() {
      await app.stop()
      await rm(dataDir, { recursive: true, force: true })
    },
  }
}

/** The network a launch needs, seeded straight into the store: a VPC, a subnet, its default group and a key pair. */
export interface SeededNetwork {
  readonly vpcId: string
  readonly subnetId: string
  readonly zone: string
  readonly groupId: string
  readonly keyName: string
}

let seq = 0
const hex = (n: number) => n.toString(16).padStart(17, '0')

/** Seeds a VPC (10.0.0.0/16), a subnet (10.0.1.0/24 in `<region>a`), its `default` group and a key pair. */
export async function seedNetwork(
  store: Store,
  account: string,
  region = 'us-east-1',
): Promise<SeededNetwork> {
  const n = ++seq
  const at = new Date()
  const vpcId = `vpc-${hex(n)}`
  const subnetId = `subnet-${hex(n)}`
  const groupId = `sg-${hex(n)}`
  const keyName = `key${n}`
  const zone = `${region}a`
  const put = (
    type: string,
    id: string,
    attributes: Record<string, unknown>,
    parentId?: string,
    arnId = id,
  ) =>
    store.cloudResources.insert({
      arn: `arn:aws:ec2:${region}:${account}:${type}/${arnId}`,
      accountId: account,
      region,
      service: 'ec2',
      type,
      id,
      attributes,
      tags: [],
      ...(parentId !== undefined ? { parentId } : {}),
      at,
    })
  await put('vpc', vpcId, { VpcId: vpcId, CidrBlock: '10.0.0.0/16', State: 'available', IsDefault: false })
  await put(
    'subnet',
    subnetId,
    {
      SubnetId: subnetId,
      VpcId: vpcId,
      CidrBlock: '10.0.1.0/24',
      AvailabilityZone: zone,
      DefaultForAz: false,
    },
    vpcId,
  )
  await put('security-group', groupId, { GroupId: groupId, GroupName: 'default', VpcId: vpcId }, vpcId)
  await put(
    'key-pair',
    `key-${hex(n)}`,
    { KeyPairId: `key-${hex(n)}`, KeyName: keyName, KeyType: 'rsa' },
    undefined,
    keyName,
  )
  return { vpcId, subnetId, zone, groupId, keyName }
}

/** The x86_64 RHCOS image of the catalog in `region`. */
export function rhcosImage(region = 'us-east-1'): string {
  return catalogImages(region).find((image) => image.architecture === 'x86_64')!.imageId
}
