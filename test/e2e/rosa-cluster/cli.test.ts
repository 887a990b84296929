import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { runCreateAccountRoles } from '../../../src/cli/commands/rosa-account-roles.js'
import {
  runCreateCluster,
  runDeleteCluster,
  runDescribeCluster,
  runInstallLogs,
  runRosaInit,
} from '../../../src/cli/commands/rosa-cluster.js'
import { startTestServer, type TestServer } from '../start.js'

describe('e2e: lanyard rosa init, create account-roles, create cluster, describe cluster, logs install', () => {
  let server: TestServer
  let env: NodeJS.ProcessEnv
  const flags = { output: 'text' }

  before(async () => {
    server = await startTestServer()
    env = { AWS_ENDPOINT_URL: server.url, LANYARD_DATA_DIR: server.dataDir, AWS_REGION: 'us-east-1' }
  })
  after(() => server.stop())

  it('refuses a cluster before the account roles exist, naming the command to run', async () => {
    await assert.rejects(
      runCreateCluster(
        { ...flags, clusterName: 'early', rolePrefix: 'ManagedOpenShift', version: '4.22' },
        () => {},
        env,
      ),
      /account role ManagedOpenShift-Installer-Role does not exist: run 'lanyard rosa create account-roles/,
    )
  })

  it('installs a cluster with the issue-7 account roles and reports it', async () => {
    const init: string[] = []
    const provider = await runRosaInit({ ...flags }, (l) => init.push(l), env)
    assert.deepEqual(provider.roles, [
      'arn:aws:iam::710019948333:role/RH-Managed-OpenShift-Installer',
      'arn:aws:iam::710019948333:role/RH-Technical-Support-Access',
    ])
    const again = await runRosaInit({ ...flags }, () => {}, env)
    assert.equal(again.account, '710019948333')
    await runCreateAccountRoles(
      {
        ...flags,
        prefix: 'ManagedOpenShift',
        path: '/',
        mode: 'auto',
        version: '4.22',
        providerAccount: '710019948333',
      },
      () => {},
      env,
    )
    const lines: string[] = []
    const cluster = await runCreateCluster(
      { ...flags, clusterName: 'cli', rolePrefix: 'ManagedOpenShift', version: '4.22', computeNodes: '2' },
      (l) => lines.push(l),
      env,
    )
    assert.equal(cluster.state, 'ready')
    assert.ok(lines.some((l) => l.includes('step: control plane')))
    const described = await runDescribeCluster({ ...flags, cluster: 'cli' }, env)
    assert.equal(described.id, cluster.id)
    assert.equal(described.aws.sts.role_arn, 'arn:aws:iam::000000000000:role/ManagedOpenShift-Installer-Role')
    const logLines: string[] = []
    const logs = await runInstallLogs({ ...flags, cluster: 'cli', watch: true }, (l) => logLines.push(l), env)
    assert.equal(logs.state, 'ready')
    assert.ok(logLines.at(-1)!.endsWith('install complete'))
    const rerun = await runCreateCluster(
      { ...flags, clusterName: 'cli', rolePrefix: 'ManagedOpenShift', version: '4.22' },
      () => {},
      env,
    )
    assert.equal(rerun.id, cluster.id, 'a rerun answers the existing cluster')
    const deleted: string[] = []
    const gone = await runDeleteCluster({ ...flags, cluster: 'cli' }, (l) => deleted.push(l), env)
    assert.equal(gone.state, 'uninstalled')
    assert.ok(deleted.includes('  uninstall complete'), deleted.join('\n'))
    await assert.rejects(runDescribeCluster({ ...flags, cluster: 'cli' }, env), { name: 'CLUSTERS-MGMT-404' })
  })
})
