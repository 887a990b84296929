import assert from 'node:assert/strict'
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import {
  AddRoleToInstanceProfileCommand,
  CreateAccessKeyCommand,
  CreateInstanceProfileCommand,
  CreateRoleCommand,
  CreateUserCommand,
  DeleteAccessKeyCommand,
  DeleteInstanceProfileCommand,
  DeleteRoleCommand,
  DeleteRolePolicyCommand,
  DeleteUserCommand,
  DeleteUserPolicyCommand,
  GetPolicyVersionCommand,
  GetRoleCommand,
  IAMClient,
  ListOpenIDConnectProvidersCommand,
  ListPoliciesCommand,
  ListRolesCommand,
  PutRolePolicyCommand,
  PutUserPolicyCommand,
  RemoveRoleFromInstanceProfileCommand,
} from '@aws-sdk/client-iam'
import { ListBucketsCommand, S3Client } from '@aws-sdk/client-s3'
import { ListSecretsCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager'
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts'
import { runCreateAccountRoles, runDeleteAccountRoles } from '../../../src/cli/commands/rosa-account-roles.js'
import {
  runDescribeAccountRoles,
  runDescribeOidcProvider,
  runDescribeOperatorRoles,
} from '../../../src/cli/commands/rosa-describe.js'
import {
  runListAccountRoles,
  runListOidcConfigs,
  runListOidcProviders,
  runListOperatorRoles,
} from '../../../src/cli/commands/rosa-list.js'
import {
  runCreateOidcConfig,
  runCreateOidcProvider,
  runDeleteOidcConfig,
  runDeleteOidcProvider,
  runDescribeOidcConfig,
} from '../../../src/cli/commands/rosa-oidc.js'
import {
  runCreateOperatorRoles,
  runDeleteOperatorRoles,
} from '../../../src/cli/commands/rosa-operator-roles.js'
import { catalogExpander, runVerifyPermissions } from '../../../src/cli/commands/rosa-verify.js'
import { ClusterApi, type OidcConfig } from '../../../src/rosa/index.js'
import { startTestServer, type TestServer } from '../start.js'

const DATA = new URL('../../../data/rosa/4.22/', import.meta.url)
const ACCOUNT = '000000000000'
const role = (name: string): string => `arn:aws:iam::${ACCOUNT}:role/${name}`
const REVOKE = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    {
      Effect: 'Deny',
      Action: '*',
      Resource: '*',
      Condition: { DateLessThan: { 'aws:TokenIssueTime': '2026-01-01T00:00:00Z' } },
    },
  ],
})

describe('e2e: lanyard rosa create → list → describe → verify → delete', () => {
  let server: TestServer
  let env: NodeJS.ProcessEnv
  let iam: IAMClient
  let s3: S3Client
  let secrets: SecretsManagerClient
  let clusters: ClusterApi
  let config: OidcConfig
  let before_: string[]
  const log = (): void => {}
  const common = { output: 'text' }
  const account = { ...common, prefix: 'Life', path: '/', version: '4.22', providerAccount: '710019948333' }
  const operators = {
    ...common,
    prefix: 'life-x1y2',
    installerRoleArn: role('Life-Installer-Role'),
    version: '4.22',
  }

  /** Everything rosa creates in the account, by name: roles, local policies, providers, buckets, secrets. */
  async function inventory(): Promise<string[]> {
    const roles = (await iam.send(new ListRolesCommand({}))).Roles ?? []
    const policies = (await iam.send(new ListPoliciesCommand({ Scope: 'Local' }))).Policies ?? []
    const providers = (await iam.send(new ListOpenIDConnectProvidersCommand({}))).OpenIDConnectProviderList
    const buckets = (await s3.send(new ListBucketsCommand({}))).Buckets ?? []
    const secretList = (await secrets.send(new ListSecretsCommand({}))).SecretList ?? []
    return [
      ...roles.map((r) => `role ${r.Arn}`),
      ...policies.map((p) => `policy ${p.Arn}`),
      ...(providers ?? []).map((p) => `provider ${p.Arn}`),
      ...buckets.map((b) => `bucket ${b.Name}`),
      ...secretList.map((s) => `secret ${s.Name}`),
    ].sort()
  }

  before(async () => {
    server = await startTestServer()
    env = {
      AWS_ENDPOINT_URL: server.url,
      AWS_SHARED_CREDENTIALS_FILE: server.app.credentialsFile,
      AWS_REGION: 'us-east-1',
    }
    const client = {
      endpoint: server.url,
      region: 'us-east-1',
      credentials: server.credentials,
      maxAttempts: 1,
    }
    iam = new IAMClient(client)
    s3 = new S3Client({ ...client, forcePathStyle: true })
    secrets = new SecretsManagerClient(client)
    clusters = new ClusterApi({ endpoint: server.url, region: 'us-east-1', credentials: server.credentials })
    before_ = await inventory()
  })
  after(async () => {
    for (const c of [iam, s3, secrets]) c.destroy()
    await server.stop()
  })

  it('creates account roles, an OIDC configuration and provider, operator roles; a rerun changes nothing', async () => {
    await runCreateAccountRoles({ ...account, mode: 'auto' }, log, env)
    config = await runCreateOidcConfig({ ...common, managed: 'false', version: '4.22' }, log, env)
    await runCreateOidcProvider({ ...common, oidcConfigId: config.id }, log, env)
    await runCreateOperatorRoles({ ...operators, oidcConfigId: config.id }, log, env)
    const rerun = await runCreateAccountRoles({ ...account, mode: 'auto' }, log, env)
    assert.ok(rerun.roles.every((r) => r.role === 'unchanged' && r.policy === 'unchanged'))
    const again = await runCreateOperatorRoles({ ...operators, oidcConfigId: config.id }, log, env)
    assert.ok(again.every((r) => r.role === 'unchanged' && r.policy === 'unchanged'))
    assert.equal(
      (await runCreateOidcProvider({ ...common, oidcConfigId: config.id }, log, env)).created,
      false,
    )
  })

  it('lists every resource', async () => {
    assert.equal((await runListAccountRoles({ ...common, prefix: 'Life' }, env)).length, 4)
    assert.equal((await runListOperatorRoles({ ...common, prefix: 'life-x1y2' }, env)).length, 6)
    assert.deepEqual(await runListOidcConfigs(common, env), [{ id: config.id, issuerUrl: config.issuerUrl }])
    assert.equal((await runListOidcProviders(common, env)).length, 1)
  })

  it('describes the account roles: trust, tags, the attached policy equal to the data set document', async () => {
    const { roles, missing } = await runDescribeAccountRoles(
      { ...common, prefix: 'Life', version: '4.22' },
      env,
    )
    assert.deepEqual(missing, [])
    const installer = roles.find((r) => r.name === 'Life-Installer-Role')!
    assert.equal(installer.arn, role('Life-Installer-Role'))
    assert.deepEqual(installer.trustedPrincipals, [
      'arn:aws:iam::710019948333:role/RH-Managed-OpenShift-Installer',
    ])
    assert.equal(installer.tags.rosa_role_type, 'installer')
    assert.deepEqual(installer.inlinePolicies, [])
    assert.deepEqual(installer.instanceProfiles, [])
    const worker = roles.find((r) => r.name === 'Life-Worker-Role')!
    assert.deepEqual(worker.trustedPrincipals, ['ec2.amazonaws.com'])
    const policy = worker.attachedPolicies[0]!
    assert.deepEqual(policy, {
      arn: `arn:aws:iam::${ACCOUNT}:policy/Life-Worker-Role-Policy`,
      defaultVersion: 'v1',
      openshiftVersion: '4.22',
    })
    const version = await iam.send(new GetPolicyVersionCommand({ PolicyArn: policy.arn, VersionId: 'v1' }))
    assert.deepEqual(
      JSON.parse(decodeURIComponent(version.PolicyVersion!.Document!)),
      JSON.parse(await readFile(new URL('worker.permission-policy.json', DATA), 'utf8')),
    )
  })

  it('describes the operator roles, the OIDC configuration and its provider', async () => {
    const roles = await runDescribeOperatorRoles({ ...common, prefix: 'life-x1y2', version: '4.22' }, env)
    assert.equal(roles.length, 6)
    const host = config.issuerUrl.replace(/^https?:\/\//, '')
    const registry = roles.find((r) => r.tags.operator_namespace === 'openshift-image-registry')!
    assert.deepEqual(registry.trustedPrincipals, [`arn:aws:iam::${ACCOUNT}:oidc-provider/${host}`])
    assert.deepEqual(registry.serviceAccounts, [
      'system:serviceaccount:openshift-image-registry:cluster-image-registry-operator',
      'system:serviceaccount:openshift-image-registry:registry',
    ])
    assert.deepEqual(
      registry.attachedPolicies.map((p) => p.arn),
      [`arn:aws:iam::${ACCOUNT}:policy/Life-openshift-image-registry-installer-cloud-credentials`],
    )
    const provider = await runDescribeOidcProvider({ ...common, oidcConfigId: config.id }, env)
    assert.equal(provider.arn, `arn:aws:iam::${ACCOUNT}:oidc-provider/${host}`)
    assert.equal(provider.url, host)
    assert.deepEqual(provider.clientIds, ['openshift', 'sts.amazonaws.com'])
    assert.deepEqual(provider.tags, { 'red-hat-managed': 'true' })
    const described = await runDescribeOidcConfig({ ...common, oidcConfigId: config.id }, env)
    assert.equal(described.issuerUrl, config.issuerUrl)
    assert.deepEqual(described.kids, [config.kid])
    await assert.rejects(
      runDescribeOperatorRoles({ ...common, prefix: 'absent', version: '4.22' }, env),
      /no operator roles with prefix absent: run `lanyard rosa create operator-roles --prefix absent`/,
    )
    await assert.rejects(
      runDescribeAccountRoles({ ...common, prefix: 'Absent', version: '4.22' }, env),
      /no account roles with prefix Absent: run `lanyard rosa create account-roles --prefix Absent`/,
    )
  })

  it('verify permissions: the account admin has every permission of the SCP policy', async () => {
    const report = await runVerifyPermissions({ ...common, version: '4.22' }, log, env)
    assert.equal(report.principalArn, `arn:aws:iam::${ACCOUNT}:user/admin`)
    assert.ok(report.checked > 1800, `${report.checked} actions`)
    assert.deepEqual(report.missing, [])
  })

  it('verify permissions: a narrower user gets the missing actions, denied ones as explicitDeny', async () => {
    await iam.send(new CreateUserCommand({ UserName: 'narrow' }))
    const narrow = {
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Action: ['ec2:*', 's3:*', 'iam:SimulatePrincipalPolicy'], Resource: '*' },
        { Effect: 'Deny', Action: 's3:DeleteBucket', Resource: '*' },
        // AWS: the region is in the context only because rosa passes aws:RequestedRegion.
        {
          Effect: 'Allow',
          Action: 'sts:*',
          Resource: '*',
          Condition: { StringEquals: { 'aws:RequestedRegion': 'us-east-1' } },
        },
      ],
    }
    await iam.send(
      new PutUserPolicyCommand({
        UserName: 'narrow',
        PolicyName: 'narrow',
        PolicyDocument: JSON.stringify(narrow),
      }),
    )
    const key = (await iam.send(new CreateAccessKeyCommand({ UserName: 'narrow' }))).AccessKey!
    // The SDK's default chain reads keys from process.env only, so the user's keys go into a profile.
    const file = join(server.dataDir, 'narrow-credentials')
    await writeFile(
      file,
      `[narrow]\naws_access_key_id = ${key.AccessKeyId}\naws_secret_access_key = ${key.SecretAccessKey}\n`,
    )
    const narrowEnv = {
      AWS_ENDPOINT_URL: server.url,
      AWS_REGION: 'us-east-1',
      AWS_SHARED_CREDENTIALS_FILE: file,
      AWS_PROFILE: 'narrow',
    }
    try {
      const report = await runVerifyPermissions({ ...common, version: '4.22' }, log, narrowEnv)
      assert.equal(report.principalArn, `arn:aws:iam::${ACCOUNT}:user/narrow`)
      const allowed = ['ec2:*', 's3:*', 'sts:*'].flatMap((p) => catalogExpander(p)).length
      // s3:DeleteBucket is denied; iam:SimulatePrincipalPolicy is the one iam action allowed.
      assert.equal(report.checked - report.missing.length, allowed - 1 + 1)
      assert.deepEqual(
        report.missing.find((m) => m.action === 's3:DeleteBucket'),
        { action: 's3:DeleteBucket', decision: 'explicitDeny', entry: 's3:*' },
      )
      assert.deepEqual(
        report.missing.find((m) => m.action === 'iam:CreateRole'),
        { action: 'iam:CreateRole', decision: 'implicitDeny', entry: 'iam:*' },
      )
      assert.ok(report.missing.some((m) => m.action === 'servicequotas:ListServiceQuotas'))
      assert.ok(!report.missing.some((m) => m.entry === 'ec2:*' || m.entry === 'sts:*'))
    } finally {
      await iam.send(new DeleteAccessKeyCommand({ UserName: 'narrow', AccessKeyId: key.AccessKeyId }))
      await iam.send(new DeleteUserPolicyCommand({ UserName: 'narrow', PolicyName: 'narrow' }))
      await iam.send(new DeleteUserCommand({ UserName: 'narrow' }))
    }
  })

  it('verify permissions: an assumed-role caller is simulated as its role, path included', async () => {
    const trust = {
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: 'sts:AssumeRole' },
      ],
    }
    await iam.send(
      new CreateRoleCommand({
        RoleName: 'verifier',
        Path: '/ops/',
        AssumeRolePolicyDocument: JSON.stringify(trust),
      }),
    )
    const all = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] }
    await iam.send(
      new PutRolePolicyCommand({
        RoleName: 'verifier',
        PolicyName: 'all',
        PolicyDocument: JSON.stringify(all),
      }),
    )
    const sts = new STSClient({ endpoint: server.url, region: 'us-east-1', credentials: server.credentials })
    try {
      const assumed = await sts.send(
        new AssumeRoleCommand({
          RoleArn: `arn:aws:iam::${ACCOUNT}:role/ops/verifier`,
          RoleSessionName: 'rosa',
        }),
      )
      const c = assumed.Credentials!
      const file = join(server.dataDir, 'verifier-credentials')
      await writeFile(
        file,
        `[verifier]\naws_access_key_id = ${c.AccessKeyId}\naws_secret_access_key = ${c.SecretAccessKey}\n` +
          `aws_session_token = ${c.SessionToken}\n`,
      )
      const report = await runVerifyPermissions({ ...common, version: '4.22' }, log, {
        AWS_ENDPOINT_URL: server.url,
        AWS_REGION: 'us-east-1',
        AWS_SHARED_CREDENTIALS_FILE: file,
        AWS_PROFILE: 'verifier',
      })
      assert.equal(report.principalArn, `arn:aws:iam::${ACCOUNT}:role/ops/verifier`)
      assert.deepEqual(report.missing, [])
    } finally {
      sts.destroy()
      await iam.send(new DeleteRolePolicyCommand({ RoleName: 'verifier', PolicyName: 'all' }))
      await iam.send(new DeleteRoleCommand({ RoleName: 'verifier' }))
    }
  })

  it('deleting what a cluster uses is refused, with the fix, and deletes nothing', async () => {
    const cluster = await clusters.createCluster({
      name: 'life',
      region: { id: 'us-east-1' },
      aws: {
        sts: {
          role_arn: role('Life-Installer-Role'),
          support_role_arn: role('Life-Support-Role'),
          operator_role_prefix: 'life-x1y2',
          oidc_config: { id: config.id },
          instance_iam_roles: {
            master_role_arn: role('Life-ControlPlane-Role'),
            worker_role_arn: role('Life-Worker-Role'),
          },
        },
      },
    })
    const fix = `cluster life \\(${cluster.id}, pending\\): delete it first \\(lanyard rosa delete cluster -c life\\)`
    const inventoryBefore = await inventory()
    await assert.rejects(
      runDeleteAccountRoles({ ...common, prefix: 'Life', version: '4.22' }, log, env),
      new RegExp(`account role ${role('Life-Installer-Role')} is used by ${fix}`),
    )
    await assert.rejects(
      runDeleteOperatorRoles({ ...common, prefix: 'life-x1y2' }, log, env),
      new RegExp(`the operator roles of prefix life-x1y2 are used by ${fix}`),
    )
    await assert.rejects(
      runDeleteOidcProvider({ ...common, oidcConfigId: config.id }, log, env),
      new RegExp(`the OIDC configuration ${config.id} is used by ${fix}`),
    )
    await assert.rejects(
      runDeleteOidcConfig({ ...common, oidcConfigId: config.id }, log, env),
      new RegExp(`the OIDC configuration ${config.id} is used by ${fix}`),
    )
    // An uninstalling cluster still uses them; once uninstalled it is gone and the deletes may run.
    await clusters.deleteCluster('life')
    await assert.rejects(
      runDeleteOperatorRoles({ ...common, prefix: 'life-x1y2' }, log, env),
      /are used by cluster life \(.*, uninstalling\)/,
    )
    await clusters.updateStatus(cluster.id, { state: 'uninstalled' })
    assert.deepEqual(await inventory(), inventoryBefore)
  })

  it('a delete the cluster service cannot answer for is refused with the fix', async () => {
    await iam.send(new CreateUserCommand({ UserName: 'no-clusters' }))
    const policy = {
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Action: '*', Resource: '*' },
        { Effect: 'Deny', Action: 'clusters:*', Resource: '*' },
      ],
    }
    await iam.send(
      new PutUserPolicyCommand({
        UserName: 'no-clusters',
        PolicyName: 'p',
        PolicyDocument: JSON.stringify(policy),
      }),
    )
    const key = (await iam.send(new CreateAccessKeyCommand({ UserName: 'no-clusters' }))).AccessKey!
    const file = join(server.dataDir, 'no-clusters-credentials')
    await writeFile(
      file,
      `[nc]\naws_access_key_id = ${key.AccessKeyId}\naws_secret_access_key = ${key.SecretAccessKey}\n`,
    )
    try {
      const ncEnv = { ...env, AWS_SHARED_CREDENTIALS_FILE: file, AWS_PROFILE: 'nc' }
      await assert.rejects(
        runDeleteOperatorRoles({ ...common, prefix: 'life-x1y2' }, log, ncEnv),
        /^Error: cannot ask the cluster service whether a cluster still uses this \(AccessDenied.*\): the caller needs clusters:ListClusters/,
      )
      assert.equal((await runListOperatorRoles({ ...common, prefix: 'life-x1y2' }, env)).length, 6)
    } finally {
      await iam.send(new DeleteAccessKeyCommand({ UserName: 'no-clusters', AccessKeyId: key.AccessKeyId }))
      await iam.send(new DeleteUserPolicyCommand({ UserName: 'no-clusters', PolicyName: 'p' }))
      await iam.send(new DeleteUserCommand({ UserName: 'no-clusters' }))
    }
  })

  it('deleting account roles held by an instance profile is refused before any role is deleted', async () => {
    await iam.send(new CreateInstanceProfileCommand({ InstanceProfileName: 'life-worker-profile' }))
    await iam.send(
      new AddRoleToInstanceProfileCommand({
        InstanceProfileName: 'life-worker-profile',
        RoleName: 'Life-Worker-Role',
      }),
    )
    await assert.rejects(
      runDeleteAccountRoles({ ...common, prefix: 'Life', version: '4.22' }, log, env),
      /role Life-Worker-Role is still in instance profiles life-worker-profile: delete the cluster \(or remove the role from them\) first/,
    )
    assert.ok((await iam.send(new GetRoleCommand({ RoleName: 'Life-Installer-Role' }))).Role)
    await iam.send(
      new RemoveRoleFromInstanceProfileCommand({
        InstanceProfileName: 'life-worker-profile',
        RoleName: 'Life-Worker-Role',
      }),
    )
    await iam.send(new DeleteInstanceProfileCommand({ InstanceProfileName: 'life-worker-profile' }))
  })

  it('delete removes revoked roles (AWSRevokeOlderSessions) and everything else, leaving nothing behind', async () => {
    for (const name of ['Life-Installer-Role', 'life-x1y2-openshift-machine-api-aws-cloud-credentials']) {
      await iam.send(
        new PutRolePolicyCommand({
          RoleName: name,
          PolicyName: 'AWSRevokeOlderSessions',
          PolicyDocument: REVOKE,
        }),
      )
    }
    const ops = await runDeleteOperatorRoles({ ...common, prefix: 'life-x1y2' }, log, env)
    assert.equal(ops.deletedRoles.length, 6)
    assert.equal(ops.deletedPolicies.length, 6)
    assert.deepEqual(await runDeleteOidcProvider({ ...common, oidcConfigId: config.id }, log, env), {
      deleted: true,
    })
    await runDeleteOidcConfig({ ...common, oidcConfigId: config.id }, log, env)
    const accounts = await runDeleteAccountRoles({ ...common, prefix: 'Life', version: '4.22' }, log, env)
    assert.equal(accounts.deletedRoles.length, 4)
    assert.equal(accounts.deletedPolicies.length, 4)
    assert.deepEqual(await inventory(), before_)
    assert.deepEqual(await runListOidcConfigs(common, env), [])
  })
})
