import assert from 'node:assert/strict'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, describe, it } from 'node:test'
import {
  DescribeInstancesCommand,
  DescribeSubnetsCommand,
  DescribeVpcsCommand,
  EC2Client,
} from '@aws-sdk/client-ec2'
import { providerConfig, runCreateCluster } from '../../../src/cli/commands/rosa-cluster.js'
import { ClusterApi, DEFAULT_PROVIDER_ACCOUNT, runInstaller } from '../../../src/rosa/index.js'
import { adminKeys, type ServerProcess, spawnServer } from '../server-process.js'
import { initWithAccountRoles, rosaEnv } from './customer-fixtures.js'

describe('e2e: kill -9 of the server in mid-install, then a restart on the same data: the install completes', () => {
  let dataDir: string
  const servers: ServerProcess[] = []

  after(async () => {
    for (const server of servers) await server.stop('SIGKILL')
    if (dataDir) await rm(dataDir, { recursive: true, force: true })
  })

  it('the installer waits through the kill, resumes the control plane step and builds each resource once', async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'lanyard-kill-'))
    const serverEnv = { ...process.env, LANYARD_LOG_LEVEL: 'warn' }
    const first = await spawnServer(dataDir, serverEnv)
    servers.push(first)
    const { port } = new URL(first.url)
    const env = rosaEnv(first.url, dataDir)
    const flags = { output: 'text' }
    await initWithAccountRoles(env)
    const cluster = await runCreateCluster(
      { ...flags, clusterName: 'killed', rolePrefix: 'ManagedOpenShift', version: '4.22', install: false },
      () => {},
      env,
    )
    const lines: string[] = []
    let restart: Promise<void> | undefined
    const done = await runInstaller({
      endpoint: first.url,
      region: 'us-east-1',
      providerCredentials: providerConfig(flags, DEFAULT_PROVIDER_ACCOUNT, env).credentials,
      providerAccount: DEFAULT_PROVIDER_ACCOUNT,
      clusterId: cluster.id,
      echo(line) {
        lines.push(line)
        // Killed between launching the first master and reporting it: the step must find it, not launch it again.
        if (restart === undefined && line.startsWith(`launched ${cluster.infra_id}-master-0`)) {
          first.child.kill('SIGKILL')
          restart = (async () => {
            await new Promise((resolve) => first.child.once('exit', resolve))
            servers.push(await spawnServer(dataDir, serverEnv, Number(port)))
          })()
        }
      },
    })
    await restart
    assert.equal(servers.length, 2, 'the server was killed and started again')
    assert.equal(first.child.signalCode, 'SIGKILL')
    assert.equal(done.state, 'ready')
    assert.ok(lines.includes('the server is unreachable; retrying'), lines.join('\n'))
    assert.equal(lines.at(-1), 'install complete')

    const credentials = await adminKeys(dataDir)
    const sdk = { endpoint: first.url, region: 'us-east-1', credentials, maxAttempts: 1 }
    const ec2 = new EC2Client(sdk)
    const owned = [{ Name: `tag:kubernetes.io/cluster/${cluster.infra_id}`, Values: ['owned'] }]
    assert.equal((await ec2.send(new DescribeVpcsCommand({ Filters: owned }))).Vpcs?.length, 1)
    assert.equal((await ec2.send(new DescribeSubnetsCommand({ Filters: owned }))).Subnets?.length, 2)
    const instances = (await ec2.send(new DescribeInstancesCommand({ Filters: owned })))
      .Reservations!.flatMap((r) => r.Instances ?? [])
      .filter((i) => i.State?.Name === 'running' || i.State?.Name === 'pending')
    assert.deepEqual(instances.map((i) => i.Tags!.find((t) => t.Key === 'Name')!.Value).sort(), [
      `${cluster.infra_id}-master-0`,
      `${cluster.infra_id}-master-1`,
      `${cluster.infra_id}-master-2`,
    ])
    ec2.destroy()
    // The cluster service kept the state and the log across the kill.
    const api = new ClusterApi(sdk)
    const log = await api.installLog(cluster.id)
    assert.equal(log.state, 'ready')
    assert.match(log.content, /launched \S+-master-2/)
  })
})
