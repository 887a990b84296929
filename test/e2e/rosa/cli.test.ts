import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { startTestServer, type TestServer } from '../start.js'
import { type RosaCliResult, rosaCliEnv, runRosaCli } from './rosa-cli-fixtures.js'

describe('e2e: the lanyard rosa command line', () => {
  let server: TestServer
  let env: NodeJS.ProcessEnv

  /** Runs `lanyard rosa …` as a child process; resolves with its exit code and output. */
  const rosa = (...args: string[]): Promise<RosaCliResult> => runRosaCli(env, ...args)

  before(async () => {
    server = await startTestServer()
    env = rosaCliEnv(server)
  })
  after(() => server.stop())

  it('create account-roles prints one line per step, --output json a document', async () => {
    const text = await rosa('create', 'account-roles', '--prefix', 'Cli', '--yes')
    assert.equal(text.code, 0, text.stderr)
    assert.match(
      text.stdout,
      /^role Cli-Installer-Role: created \(arn:aws:iam::000000000000:role\/Cli-Installer-Role\)$/m,
    )
    assert.match(text.stdout, /^attached Cli-Support-Role-Policy to Cli-Support-Role$/m)
    const json = await rosa('create', 'account-roles', '--prefix', 'Cli', '--output', 'json')
    assert.equal(json.code, 0, json.stderr)
    const result = JSON.parse(json.stdout) as { mode: string; roles: { role: string; policy: string }[] }
    assert.equal(result.mode, 'auto')
    assert.deepEqual(
      result.roles.map((r) => `${r.role}/${r.policy}`),
      ['unchanged/unchanged', 'unchanged/unchanged', 'unchanged/unchanged', 'unchanged/unchanged'],
    )
  })

  it('create oidc-config --managed=false prints the id; oidc-provider takes it', async () => {
    const created = await rosa('create', 'oidc-config', '--managed=false')
    assert.equal(created.code, 0, created.stderr)
    const id = /^OIDC config id: (\S+)$/m.exec(created.stdout)?.[1]
    assert.ok(id, created.stdout)
    const provider = await rosa('create', 'oidc-provider', '--oidc-config-id', id, '--output', 'json')
    assert.equal(provider.code, 0, provider.stderr)
    assert.equal((JSON.parse(provider.stdout) as { created: boolean }).created, true)
  })

  it('errors say what failed and how to fix it, with exit code 1', async () => {
    const badPrefix = await rosa('create', 'account-roles', '--prefix', 'has space')
    assert.equal(badPrefix.code, 1)
    assert.match(badPrefix.stderr, /^lanyard rosa create account-roles: --prefix 'has space' is invalid/)
    const managed = await rosa('create', 'oidc-config', '--managed=maybe')
    assert.equal(managed.code, 1)
    assert.match(managed.stderr, /--managed must be true or false, not 'maybe'/)
    const unknown = await rosa('create', 'oidc-provider', '--oidc-config-id', 'oidc-z9z9z9z9')
    assert.equal(unknown.code, 1)
    assert.match(unknown.stderr, /cannot read the OIDC configuration 'oidc-z9z9z9z9'/)
    const noInstaller = await rosa('create', 'operator-roles', '--prefix', 'p', '--oidc-config-id', 'x')
    assert.equal(noInstaller.code, 1)
    assert.match(
      noInstaller.stderr,
      /installer role ManagedOpenShift-Installer-Role not found: run `lanyard rosa create account-roles/,
    )
  })
})
