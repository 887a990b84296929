import assert from 'node:assert/strict'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import {
  GetPolicyCommand,
  GetPolicyVersionCommand,
  GetRoleCommand,
  IAMClient,
  ListAttachedRolePoliciesCommand,
  ListPolicyTagsCommand,
  ListPolicyVersionsCommand,
  ListRolePoliciesCommand,
  ListRolesCommand,
  PutRolePolicyCommand,
} from '@aws-sdk/client-iam'
import { runCreateAccountRoles, runDeleteAccountRoles } from '../../../src/cli/commands/rosa-account-roles.js'
import { AWS, awsMissing, run } from '../debian-clients.js'
import { startTestServer, type TestServer } from '../start.js'

const DATA = new URL('../../../data/rosa/4.22/', import.meta.url)
const ROLES = [
  ['Installer', 'installer', 'installer.trust-policy.template.json', 'installer.permission-policy.json'],
  [
    'ControlPlane',
    'instance_controlplane',
    'controlplane.trust-policy.json',
    'controlplane.permission-policy.json',
  ],
  ['Worker', 'instance_worker', 'worker.trust-policy.json', 'worker.permission-policy.json'],
  ['Support', 'support', 'support.trust-policy.template.json', 'support.permission-policy.json'],
] as const

/** A data file, rendered with the provider account as rosa does. */
async function rendered(file: string, providerAccount = '710019948333'): Promise<unknown> {
  return JSON.parse(
    (await readFile(new URL(file, DATA), 'utf8')).split('%{aws_account_id}').join(providerAccount),
  )
}

/** AWS returns trust policies with one-element arrays (but Statement) collapsed (rosa.md §4.3); compare so. */
function collapsed(value: unknown, key = ''): unknown {
  if (Array.isArray(value)) {
    return value.length === 1 && key !== 'Statement' ? collapsed(value[0]) : value.map((v) => collapsed(v))
  }
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, collapsed(v, k)]))
  }
  return value
}

/** A role's trust policy as IAM returns it (URL-encoded), parsed. */
function trustOf(role: { AssumeRolePolicyDocument?: string }): unknown {
  return JSON.parse(decodeURIComponent(role.AssumeRolePolicyDocument!))
}

describe('e2e: lanyard rosa create|delete account-roles', () => {
  let server: TestServer
  let iam: IAMClient
  let env: NodeJS.ProcessEnv
  const lines: string[] = []
  const log = (line: string): void => {
    lines.push(line)
  }
  const base = { output: 'text', mode: 'auto', version: '4.22', path: '/', providerAccount: '710019948333' }

  before(async () => {
    server = await startTestServer()
    iam = new IAMClient({
      endpoint: server.url,
      region: 'us-east-1',
      credentials: server.credentials,
      maxAttempts: 1,
    })
    env = {
      AWS_ENDPOINT_URL: server.url,
      AWS_SHARED_CREDENTIALS_FILE: server.app.credentialsFile,
      AWS_REGION: 'us-east-1',
    }
  })
  after(async () => {
    iam.destroy()
    await server.stop()
  })

  /** Each role of the prefix: path, session duration, trust, tags, the one attached policy and its document as the data set's. */
  async function assertRolesMatchData(prefix: string): Promise<void> {
    for (const [suffix, type, trustFile, permissionFile] of ROLES) {
      const name = `${prefix}-${suffix}-Role`
      const role = (await iam.send(new GetRoleCommand({ RoleName: name }))).Role!
      assert.equal(role.Path, '/')
      assert.equal(role.MaxSessionDuration, 3600)
      assert.deepEqual(trustOf(role), collapsed(await rendered(trustFile)))
      const tags = Object.fromEntries((role.Tags ?? []).map((t) => [t.Key, t.Value]))
      const wantedTags = {
        rosa_openshift_version: '4.22',
        rosa_role_prefix: prefix,
        rosa_role_type: type,
        'red-hat-managed': 'true',
      }
      assert.deepEqual(tags, wantedTags)
      const arn = `arn:aws:iam::${role.Arn!.split(':')[4]}:policy/${name}-Policy`
      const attached = await iam.send(new ListAttachedRolePoliciesCommand({ RoleName: name }))
      assert.deepEqual(
        attached.AttachedPolicies?.map((p) => p.PolicyArn),
        [arn],
      )
      const version = await iam.send(new GetPolicyVersionCommand({ PolicyArn: arn, VersionId: 'v1' }))
      assert.deepEqual(
        JSON.parse(decodeURIComponent(version.PolicyVersion!.Document!)),
        await rendered(permissionFile),
      )
      const policyTags = await iam.send(new ListPolicyTagsCommand({ PolicyArn: arn }))
      assert.deepEqual(Object.fromEntries((policyTags.Tags ?? []).map((t) => [t.Key, t.Value])), wantedTags)
    }
  }

  it('creates the four roles with their tagged policies attached, documents equal to the rendered data', async () => {
    const result = await runCreateAccountRoles({ ...base, prefix: 'ManagedOpenShift' }, log, env)
    assert.equal(result.roles.length, 4)
    assert.ok(result.roles.every((r) => r.role === 'created' && r.policy === 'created'))
    await assertRolesMatchData('ManagedOpenShift')
    const installer = (await rendered('installer.trust-policy.template.json')) as {
      Statement: { Principal: { AWS: string[] } }[]
    }
    assert.deepEqual(installer.Statement[0]!.Principal.AWS, [
      'arn:aws:iam::710019948333:role/RH-Managed-OpenShift-Installer',
    ])
  })

  it('a rerun changes nothing', async () => {
    const result = await runCreateAccountRoles({ ...base, prefix: 'ManagedOpenShift' }, log, env)
    assert.deepEqual(
      result.roles.map((r) => [r.role, r.policy]),
      ROLES.map(() => ['unchanged', 'unchanged']),
    )
    const versions = await iam.send(new ListPolicyVersionsCommand({ PolicyArn: result.roles[0]!.policyArn }))
    assert.equal(versions.Versions?.length, 1)
  })

  it('a changed document (external id, other provider account) updates the trust and adds a default version', async () => {
    const result = await runCreateAccountRoles(
      { ...base, prefix: 'ManagedOpenShift', externalId: 'ext-1', providerAccount: '644306948063' },
      log,
      env,
    )
    const installer = result.roles.find((r) => r.type === 'installer')!
    assert.equal(installer.role, 'updated')
    assert.equal(installer.policy, 'unchanged')
    const role = (await iam.send(new GetRoleCommand({ RoleName: 'ManagedOpenShift-Installer-Role' }))).Role!
    assert.deepEqual(trustOf(role), {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { AWS: 'arn:aws:iam::644306948063:role/RH-Managed-OpenShift-Installer' },
          Action: 'sts:AssumeRole',
          Condition: { StringEquals: { 'sts:ExternalId': 'ext-1' } },
        },
      ],
    })
    const worker = result.roles.find((r) => r.type === 'instance_worker')!
    assert.equal(worker.role, 'unchanged')
  })

  it('a changed permission policy becomes a new default version, the oldest non-default pruned at 5', async () => {
    // A provider account in the Support policy? No: the permission documents have no placeholder, so a prefix
    // with a path changes nothing there; change the policy through IAM instead and let the rerun restore it.
    const { CreatePolicyVersionCommand } = await import('@aws-sdk/client-iam')
    const arn = (await runCreateAccountRoles({ ...base, prefix: 'Ver' }, log, env)).roles.find(
      (r) => r.type === 'instance_worker',
    )!.policyArn
    for (let i = 0; i < 4; i++) {
      await iam.send(
        new CreatePolicyVersionCommand({
          PolicyArn: arn,
          SetAsDefault: true,
          PolicyDocument: JSON.stringify({
            Version: '2012-10-17',
            Statement: [{ Effect: 'Allow', Action: `ec2:DescribeTags${i}`, Resource: '*' }],
          }),
        }),
      )
    }
    const rerun = await runCreateAccountRoles({ ...base, prefix: 'Ver' }, log, env)
    assert.equal(rerun.roles.find((r) => r.type === 'instance_worker')!.policy, 'updated')
    const versions = (await iam.send(new ListPolicyVersionsCommand({ PolicyArn: arn }))).Versions ?? []
    assert.deepEqual(versions.map((v) => v.VersionId).sort(), ['v2', 'v3', 'v4', 'v5', 'v6'])
    const policy = (await iam.send(new GetPolicyCommand({ PolicyArn: arn }))).Policy!
    assert.equal(policy.DefaultVersionId, 'v6')
    const v6 = await iam.send(new GetPolicyVersionCommand({ PolicyArn: arn, VersionId: 'v6' }))
    assert.deepEqual(
      JSON.parse(decodeURIComponent(v6.PolicyVersion!.Document!)),
      await rendered('worker.permission-policy.json'),
    )
  })

  it('manual mode writes the files; the printed aws commands produce the state auto mode does', {
    skip: awsMissing,
  }, async () => {
    const dir = await mkdtemp(join(tmpdir(), 'rosa-manual-'))
    try {
      const manual = await runCreateAccountRoles(
        { ...base, prefix: 'Manual', mode: 'manual', outputDir: dir },
        log,
        env,
      )
      assert.equal(manual.commands.length, 12)
      assert.equal(
        (await iam.send(new ListRolesCommand({}))).Roles?.some((r) => r.RoleName?.startsWith('Manual')),
        false,
      )
      const awsEnv = {
        ...process.env,
        ...env,
        AWS_PROFILE: 'lanyard',
        AWS_DEFAULT_REGION: 'us-east-1',
        AWS_PAGER: '',
      }
      for (const command of manual.commands) {
        const [, ...args] = command.split(' ')
        // Debian's AWS CLI predates AWS_ENDPOINT_URL, so the endpoint goes on the command line.
        await run(AWS, [...args, '--endpoint-url', server.url], { cwd: dir, env: awsEnv })
      }
      await assertRolesMatchData('Manual')
      const rerun = await runCreateAccountRoles({ ...base, prefix: 'Manual' }, log, env)
      assert.deepEqual(
        rerun.roles.map((r) => [r.role, r.policy]),
        ROLES.map(() => ['unchanged', 'unchanged']),
      )
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })

  it('upgrade refuses missing roles, removes inline policies and keeps the documents', async () => {
    await assert.rejects(
      runCreateAccountRoles({ ...base, prefix: 'Absent' }, log, env, true),
      /role Absent-Installer-Role not found: run `lanyard rosa create account-roles` instead/,
    )
    await iam.send(
      new PutRolePolicyCommand({
        RoleName: 'Ver-Worker-Role',
        PolicyName: 'Ver-Worker-Role-Policy',
        PolicyDocument: JSON.stringify({
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Action: 'ec2:DescribeRegions', Resource: '*' }],
        }),
      }),
    )
    const upgraded = await runCreateAccountRoles({ ...base, prefix: 'Ver' }, log, env, true)
    assert.deepEqual(
      upgraded.roles.map((r) => [r.role, r.policy]),
      ROLES.map(() => ['unchanged', 'unchanged']),
    )
    const inline = await iam.send(new ListRolePoliciesCommand({ RoleName: 'Ver-Worker-Role' }))
    assert.deepEqual(inline.PolicyNames, [])
  })

  it('delete removes roles, inline policies (AWSRevokeOlderSessions) and policies, leaving nothing behind', async () => {
    await iam.send(
      new PutRolePolicyCommand({
        RoleName: 'ManagedOpenShift-Support-Role',
        PolicyName: 'AWSRevokeOlderSessions',
        PolicyDocument: JSON.stringify({
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Deny',
              Action: '*',
              Resource: '*',
              Condition: { DateLessThan: { 'aws:TokenIssueTime': new Date().toISOString() } },
            },
          ],
        }),
      }),
    )
    // Manual's roles exist only when the AWS CLI ran the manual-mode commands.
    for (const prefix of awsMissing ? ['ManagedOpenShift', 'Ver'] : ['ManagedOpenShift', 'Ver', 'Manual']) {
      const result = await runDeleteAccountRoles({ prefix, version: '4.22' }, log, env)
      assert.equal(result.deletedRoles.length, 4)
      assert.equal(result.deletedPolicies.length, 4)
    }
    const roles = (await iam.send(new ListRolesCommand({}))).Roles ?? []
    assert.deepEqual(
      roles.filter((r) => /^(ManagedOpenShift|Ver|Manual)-/.test(r.RoleName ?? '')),
      [],
    )
    await assert.rejects(
      iam.send(
        new GetPolicyCommand({ PolicyArn: `arn:aws:iam::000000000000:policy/Ver-Worker-Role-Policy` }),
      ),
      { name: 'NoSuchEntityException' },
    )
  })

  it('refuses an invalid prefix or path with the fix', async () => {
    await assert.rejects(
      runCreateAccountRoles({ ...base, prefix: 'bad prefix' }, log, env),
      /--prefix 'bad prefix' is invalid/,
    )
    await assert.rejects(
      runCreateAccountRoles({ ...base, prefix: 'P', path: 'x' }, log, env),
      /--path 'x' is invalid/,
    )
    await assert.rejects(
      runCreateAccountRoles({ ...base, prefix: 'P', version: '4.1' }, log, env),
      /no ROSA policy set/,
    )
  })
})
