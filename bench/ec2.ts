/**
 * EC2 benchmark: DescribeInstances over an account holding 10,000 instances (seeded straight into the
 * store), beside the plain node:http server of bench/server-target.ts, each in its own child process and
 * driven by autocannon from this process. Three calls: a page of 100 (MaxResults), one instance found by a
 * tag filter, and every instance at once. Prints one JSON object with requests/s, p50 and p99.
 *
 * BENCH_EC2_INSTANCES (default 10000), BENCH_EC2_SECONDS (default 5), BENCH_EC2_CONNECTIONS (default 4).
 * Lanyard runs from src through tsx (`lanyard server`), so no build is needed.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import autocannon from 'autocannon'
import { loadMasterKey } from '../src/server/index.js'
import { ec2Arn } from '../src/services/ec2/arns.js'
import { catalogImages } from '../src/services/ec2/compute/image-catalog.js'
import type { InstanceAttributes } from '../src/services/ec2/compute/records.js'
import { openStore } from '../src/store/index.js'
import { signForm, type WireRequest } from '../test/e2e/sign.js'
import { startChild } from './server-target.js'

const INSTANCES = Number(process.env.BENCH_EC2_INSTANCES ?? 10_000)
const SECONDS = Number(process.env.BENCH_EC2_SECONDS ?? 5)
const CONNECTIONS = Number(process.env.BENCH_EC2_CONNECTIONS ?? 4)
const ACCOUNT = '000000000000'
const REGION = 'us-east-1'

/** Starts `lanyard server` on `dataDir` in a child process; resolves with its URL once it listens. */
function startLanyard(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  const main = new URL('../src/main.ts', import.meta.url).pathname
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', main, '--port', '0', '--data-dir', dataDir], {
      // The `listening` line (info) carries the URL; the request logs after it are drained unread.
      env: { ...process.env, LANYARD_LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let log = ''
    const onData = (chunk: Buffer) => {
      log += chunk.toString()
      const match = /"url":"(http:\/\/[^"]+)"/.exec(log)
      if (match === null) return
      for (const stream of [child.stdout!, child.stderr!]) {
        stream.off('data', onData)
        stream.resume()
      }
      resolve({ child, url: match[1]! })
    }
    child.stdout!.on('data', onData)
    child.stderr!.on('data', onData)
    child.once('exit', (code) => reject(new Error(`lanyard exited (${code}): ${log}`)))
  })
}

/** Seeds `count` running instances (and their subnet) through a second connection to the server's SQLite store. */
async function seed(dataDir: string, count: number): Promise<void> {
  const store = await openStore({
    kind: 'sqlite',
    file: join(dataDir, 'lanyard.db'),
    masterKey: await loadMasterKey(dataDir, undefined),
  })
  const at = new Date(Date.now() - 3_600_000)
  const image = catalogImages(REGION)[0]!
  const subnetId = 'subnet-0000000000000bench'.slice(0, 24)
  try {
    for (let start = 0; start < count; start += 1000) {
      await store.transaction(async (tx) => {
        for (let i = start; i < Math.min(count, start + 1000); i++) {
          const id = `i-${i.toString(16).padStart(17, '0')}`
          const attributes: InstanceAttributes = {
            reservationId: `r-${i.toString(16).padStart(17, '0')}`,
            imageId: image.imageId,
            instanceType: 'm5.xlarge',
            architecture: 'x86_64',
            amiLaunchIndex: 0,
            subnetId,
            vpcId: 'vpc-0000000000000bench'.slice(0, 21),
            availabilityZone: `${REGION}a`,
            privateIpAddress: `10.0.${(i >> 8) & 255}.${i & 255}`,
            macAddress: '02:00:00:00:00:01',
            networkInterfaceId: `eni-${i.toString(16).padStart(17, '0')}`,
            securityGroups: [{ groupId: 'sg-00000000000000001', groupName: 'default' }],
            state: { name: 'running', since: at.getTime() },
            stateTransitionReason: '',
            launchTime: at.getTime(),
            rootDeviceName: '/dev/xvda',
            blockDevices: [
              {
                deviceName: '/dev/xvda',
                volumeId: `vol-${i.toString(16).padStart(17, '0')}`,
                attachTime: at.getTime(),
                deleteOnTermination: true,
              },
            ],
            disableApiTermination: false,
            disableApiStop: false,
            sourceDestCheck: true,
            ebsOptimized: false,
            shutdownBehavior: 'stop',
          }
          await tx.cloudResources.insert({
            arn: ec2Arn(REGION, ACCOUNT, 'instance', id),
            accountId: ACCOUNT,
            region: REGION,
            service: 'ec2',
            type: 'instance',
            id,
            parentId: subnetId,
            attributes,
            tags: [{ key: 'Name', value: `node-${i}` }],
            at,
          })
        }
      })
    }
  } finally {
    await store.close()
  }
}

async function signed(
  url: string,
  credentials: { accessKeyId: string; secretAccessKey: string },
  body: string,
) {
  return signForm({
    url,
    credentials,
    service: 'ec2',
    region: REGION,
    body: `Action=DescribeInstances&Version=2016-11-15${body}`,
  })
}

/** `seconds` of load on CONNECTIONS connections, or (`amount`) that many requests on one connection. */
async function measure(url: string, request: WireRequest, seconds: number, amount?: number) {
  const result = await autocannon({
    url,
    connections: amount === undefined ? CONNECTIONS : 1,
    ...(amount === undefined ? { duration: seconds } : { amount }),
    timeout: 120,
    requests: [{ method: 'POST', path: request.path, headers: request.headers, body: request.body }],
  })
  const failed = result.non2xx + result.errors + result.timeouts
  if (failed > 0) throw new Error(`${failed} failed requests against ${url}`)
  return {
    rps: Math.round(result.requests.average * 10) / 10,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    bytesPerResponse: Math.round(result.throughput.total / Math.max(1, result.requests.total)),
  }
}

const dataDir = await mkdtemp(join(tmpdir(), 'lanyard-bench-ec2-'))
const plain = await startChild('plain')
const lanyard = await startLanyard(dataDir)
try {
  const text = await readFile(join(dataDir, 'credentials'), 'utf8')
  const credentials = {
    accessKeyId: /aws_access_key_id = (\S+)/.exec(text)![1]!,
    secretAccessKey: /aws_secret_access_key = (\S+)/.exec(text)![1]!,
  }
  const seeding = Date.now()
  await seed(dataDir, INSTANCES)
  const seedSeconds = (Date.now() - seeding) / 1000
  const calls = {
    'DescribeInstances MaxResults=100': '&MaxResults=100',
    'DescribeInstances Filter tag:Name=node-42': '&Filter.1.Name=tag%3AName&Filter.1.Value.1=node-42',
    'DescribeInstances all': '',
  }
  const results: Record<string, unknown> = {
    plain: await measure(plain.url, await signed(plain.url, credentials, ''), SECONDS),
  }
  for (const [name, query] of Object.entries(calls)) {
    const request = await signed(lanyard.url, credentials, query)
    // Every instance in one answer is tens of megabytes of XML: a few requests, one at a time.
    const amount = query === '' ? 3 : undefined
    await measure(lanyard.url, request, 1, amount === undefined ? undefined : 1)
    results[name] = await measure(lanyard.url, request, SECONDS, amount)
    process.stderr.write(`${name}: ${JSON.stringify(results[name])}\n`)
  }
  const report = {
    benchmark: 'ec2',
    setup: {
      instances: INSTANCES,
      seedSeconds,
      store: 'sqlite',
      servers:
        'child processes: lanyard server (node --import tsx src/main.ts) and bench/server-child.ts plain',
      loadGenerator: 'autocannon in the parent process',
      connections: CONNECTIONS,
      secondsPerRun: SECONDS,
      node: process.version,
    },
    results,
  }
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`)
} finally {
  lanyard.child.kill('SIGTERM')
  await plain.stop()
  await new Promise((resolve) =>
    lanyard.child.exitCode !== null ? resolve(undefined) : lanyard.child.once('exit', resolve),
  )
  await rm(dataDir, { recursive: true, force: true })
}
