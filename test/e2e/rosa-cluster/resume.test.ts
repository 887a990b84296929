import assert from 'node:assert/strict'
import { rm } from 'node:fs/promises'
import { after, before, describe, it } from 'node:test'
import { DescribeSubnetsCommand, DescribeVpcsCommand, EC2Client } from '@aws-sdk/client-ec2'
import { IAMClient } from '@aws-sdk/client-iam'
import { type RunningApp, startApp } from '../../../src/app.js'
import { recordCluster, validateAccountRoles } from '../../../src/rosa/cluster-create.js'
import { DEFAULT_PROVIDER_ACCOUNT } from '../../../src/rosa/cluster-provider.js'
import { runInstaller } from '../../../src/rosa/install/installer.js'
import { resolveConfig } from '../../../src/server/index.js'
import { startTestServer, type TestServer } from '../start.js'
import { clusterApi, createAccountRoles, initProvider, sdk } from './rosa-cluster-fixtures.js'

describe('e2e: a server restart in mid-install resumes to completion', () => {
  let server: TestServer
  let restarted: RunningApp | undefined

  before(async () => {
    server = await startTestServer()
  })
  after(async () => {
    await restarted?.stop()
    await rm(server.dataDir, { recursive: true, force: true })
  })

  it('stops the server after the first subnet, starts it again on the same data, and the installer finishes once', async () => {
    const provider = await initProvider(server)
    await createAccountRoles(server, 'ManagedOpenShift')
    const iam = new IAMClient(sdk(server, server.credentials))
    const roles = await validateAccountRoles(iam, 'ManagedOpenShift', '4.22')
    iam.destroy()
    const cluster = await recordCluster(
      clusterApi(server, server.credentials),
      { name: 'resume', prefix: 'ManagedOpenShift', version: '4.22', multiAz: false, region: 'us-east-1' },
      roles,
    )
    const { hostname, port } = new URL(server.url)
    let restart: Promise<void> | undefined
    const lines: string[] = []
    const done = await runInstaller({
      endpoint: server.url,
      region: 'us-east-1',
      providerCredentials: provider,
      providerAccount: DEFAULT_PROVIDER_ACCOUNT,
      clusterId: cluster.id,
      echo(line) {
        lines.push(line)
        if (restart === undefined && line.startsWith('created subnet')) {
          restart = (async () => {
            await server.app.stop()
            restarted = await startApp(
              resolveConfig({ host: hostname, port: Number(port), dataDir: server.dataDir }, {}),
            )
          })()
        }
      },
    })
    await restart
    assert.ok(restarted !== undefined, 'the server was restarted')
    assert.equal(done.state, 'ready')
    assert.ok(lines.includes('the server is unreachable; retrying'), lines.join('\n'))
    const ec2 = new EC2Client(sdk(server, server.credentials))
    const owned = [{ Name: `tag:kubernetes.io/cluster/${cluster.infra_id}`, Values: ['owned'] }]
    assert.equal((await ec2.send(new DescribeVpcsCommand({ Filters: owned }))).Vpcs?.length, 1)
    assert.equal((await ec2.send(new DescribeSubnetsCommand({ Filters: owned }))).Subnets?.length, 2)
    ec2.destroy()
    const again = await runInstaller({
      endpoint: server.url,
      region: 'us-east-1',
      providerCredentials: provider,
      providerAccount: DEFAULT_PROVIDER_ACCOUNT,
      clusterId: cluster.id,
    })
    assert.equal(again.state, 'ready')
  })
})
