import assert from 'node:assert/strict'
import { createPrivateKey } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { after, before, describe, it } from 'node:test'
import {
  GetOpenIDConnectProviderCommand,
  GetPolicyVersionCommand,
  GetRoleCommand,
  IAMClient,
  ListAttachedRolePoliciesCommand,
  ListOpenIDConnectProviderTagsCommand,
} from '@aws-sdk/client-iam'
import {
  GetBucketPolicyCommand,
  GetPublicAccessBlockCommand,
  HeadBucketCommand,
  S3Client,
} from '@aws-sdk/client-s3'
import {
  DescribeSecretCommand,
  GetSecretValueCommand,
  SecretsManagerClient,
} from '@aws-sdk/client-secrets-manager'
import { AssumeRoleWithWebIdentityCommand, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts'
import { createLocalJWKSet, jwtVerify, SignJWT } from 'jose'
import { runCreateAccountRoles, runDeleteAccountRoles } from '../../../src/cli/commands/rosa-account-roles.js'
import {
  runListAccountRoles,
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
import type { OidcConfig } from '../../../src/rosa/index.js'
import { startTestServer, type TestServer } from '../start.js'

const DATA = new URL('../../../data/rosa/4.22/', import.meta.url)
const OPERATORS = [
  ['openshift-ingress-operator', 'cloud-credentials', ['ingress-operator']],
  [
    'openshift-cluster-csi-drivers',
    'ebs-cloud-credentials',
    ['aws-ebs-csi-driver-operator', 'aws-ebs-csi-driver-controller-sa'],
  ],
  ['openshift-cloud-network-config-controller', 'cloud-credentials', ['cloud-network-config-controller']],
  ['openshift-machine-api', 'aws-cloud-credentials', ['machine-api-controllers']],
  [
    'openshift-cloud-credential-operator',
    'cloud-credential-operator-iam-ro-creds',
    ['cloud-credential-operator'],
  ],
  [
    'openshift-image-registry',
    'installer-cloud-credentials',
    ['cluster-image-registry-operator', 'registry'],
  ],
] as const

describe('e2e: lanyard rosa oidc-config, oidc-provider, operator-roles', () => {
  let server: TestServer
  let env: NodeJS.ProcessEnv
  let iam: IAMClient
  let s3: S3Client
  let secrets: SecretsManagerClient
  let config: OidcConfig
  let providerArn: string
  const log = (): void => {}
  const common = { output: 'text' }

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
  })
  after(async () => {
    for (const c of [iam, s3, secrets]) c.destroy()
    await server.stop()
  })

  it('create oidc-config: bucket with rosa public access block and policy, documents served anonymously', async () => {
    config = await runCreateOidcConfig(
      { ...common, managed: 'false', prefix: 'lab', version: '4.22' },
      log,
      env,
    )
    assert.match(config.id, /^lab-oidc-[a-z][0-9][a-z][0-9][a-z][0-9][a-z][0-9]$/)
    assert.equal(config.issuerUrl, `${server.url}/${config.id}`)
    const block = await s3.send(new GetPublicAccessBlockCommand({ Bucket: config.bucket }))
    assert.deepEqual(block.PublicAccessBlockConfiguration, {
      BlockPublicAcls: true,
      IgnorePublicAcls: true,
      BlockPublicPolicy: false,
      RestrictPublicBuckets: false,
    })
    const policy = JSON.parse((await s3.send(new GetBucketPolicyCommand({ Bucket: config.bucket }))).Policy!)
    const template = await readFile(new URL('oidc/s3-bucket-policy.template.json', DATA), 'utf8')
    assert.deepEqual(policy, JSON.parse(template.replace('%{bucket_name}', config.bucket)))
    // Anonymous, plain HTTP, as STS and any relying party fetch it.
    const discovery = (await (
      await fetch(`${config.issuerUrl}/.well-known/openid-configuration`)
    ).json()) as {
      issuer: string
      jwks_uri: string
      claims_supported: string[]
    }
    assert.equal(discovery.issuer, config.issuerUrl)
    assert.equal(discovery.jwks_uri, `${config.issuerUrl}/keys.json`)
    const jwksResponse = await fetch(discovery.jwks_uri)
    assert.equal(jwksResponse.status, 200)
    const jwks = (await jwksResponse.json()) as {
      keys: { kid: string; n: string; alg: string; use: string }[]
    }
    assert.equal(jwks.keys.length, 1)
    assert.equal(jwks.keys[0]!.kid, config.kid)
    assert.equal(jwks.keys[0]!.alg, 'RS256')
    assert.equal(Buffer.from(jwks.keys[0]!.n, 'base64url').length, 512) // 4096 bits
    // An unsigned write is refused: the policy grants only s3:GetObject.
    const put = await fetch(`${config.issuerUrl}/keys.json`, { method: 'PUT', body: '{}' })
    assert.equal(put.status, 403)

    const secret = await secrets.send(new DescribeSecretCommand({ SecretId: config.secretArn }))
    assert.equal(secret.Name, `rosa-private-key-${config.bucket}`)
    assert.deepEqual(secret.Tags, [{ Key: 'red-hat-managed', Value: 'true' }])
    const pem = (await secrets.send(new GetSecretValueCommand({ SecretId: config.secretArn }))).SecretString!
    assert.match(pem, /^-----BEGIN RSA PRIVATE KEY-----/)
    const token = await new SignJWT({ sub: 'system:serviceaccount:a:b' })
      .setProtectedHeader({ alg: 'RS256', kid: config.kid })
      .setIssuer(config.issuerUrl)
      .setAudience('openshift')
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(createPrivateKey(pem))
    const verified = await jwtVerify(token, createLocalJWKSet(jwks as never), { issuer: config.issuerUrl })
    assert.equal(verified.payload.sub, 'system:serviceaccount:a:b')
  })

  it('describe oidc-config reads the issuer, key id and secret back', async () => {
    assert.deepEqual(await runDescribeOidcConfig({ ...common, oidcConfigId: config.id }, env), {
      id: config.id,
      issuerUrl: config.issuerUrl,
      kids: [config.kid],
      secretArn: config.secretArn,
    })
  })

  it('create oidc-config refuses a --managed that is neither true nor false', async () => {
    await assert.rejects(
      runCreateOidcConfig({ ...common, managed: 'maybe', version: '4.22' }, log, env),
      /--managed must be true or false, not 'maybe'/,
    )
  })

  it('create oidc-provider: ClientIDList, URL without scheme, tag; a rerun keeps it', async () => {
    const created = await runCreateOidcProvider({ ...common, oidcConfigId: config.id }, log, env)
    assert.equal(created.created, true)
    providerArn = created.arn
    const host = config.issuerUrl.replace('http://', '')
    assert.equal(providerArn, `arn:aws:iam::000000000000:oidc-provider/${host}`)
    const provider = await iam.send(
      new GetOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: providerArn }),
    )
    assert.equal(provider.Url, host)
    assert.deepEqual(provider.ClientIDList, ['openshift', 'sts.amazonaws.com'])
    const tags = await iam.send(
      new ListOpenIDConnectProviderTagsCommand({ OpenIDConnectProviderArn: providerArn }),
    )
    assert.deepEqual(tags.Tags, [{ Key: 'red-hat-managed', Value: 'true' }])
    assert.equal(
      (await runCreateOidcProvider({ ...common, oidcConfigId: config.id }, log, env)).created,
      false,
    )
  })

  it('create operator-roles: one role per operator, trust on <issuer>:sub, shared policies attached', async () => {
    await runCreateAccountRoles(
      {
        ...common,
        prefix: 'Acct',
        path: '/',
        mode: 'auto',
        version: '4.22',
        providerAccount: '710019948333',
      },
      log,
      env,
    )
    const results = await runCreateOperatorRoles(
      {
        ...common,
        prefix: 'mycluster-a1b2',
        oidcConfigId: config.id,
        installerRoleArn: 'arn:aws:iam::000000000000:role/Acct-Installer-Role',
        version: '4.22',
      },
      log,
      env,
    )
    assert.equal(results.length, OPERATORS.length)
    const host = config.issuerUrl.replace('http://', '')
    for (const [namespace, secret, serviceAccounts] of OPERATORS) {
      const roleName = `mycluster-a1b2-${namespace}-${secret}`.slice(0, 64)
      const role = (await iam.send(new GetRoleCommand({ RoleName: roleName }))).Role!
      const trust = JSON.parse(decodeURIComponent(role.AssumeRolePolicyDocument!))
      const subs = serviceAccounts.map((sa) => `system:serviceaccount:${namespace}:${sa}`)
      assert.deepEqual(trust.Statement, [
        {
          Effect: 'Allow',
          Principal: { Federated: providerArn },
          Action: 'sts:AssumeRoleWithWebIdentity',
          Condition: { StringEquals: { [`${host}:sub`]: subs.length === 1 ? subs[0] : subs } },
        },
      ])
      assert.deepEqual(Object.fromEntries((role.Tags ?? []).map((t) => [t.Key, t.Value])), {
        operator_namespace: namespace,
        operator_name: secret,
        'red-hat-managed': 'true',
      })
      const policyArn = `arn:aws:iam::000000000000:policy/${`Acct-${namespace}-${secret}`.slice(0, 64)}`
      const attached = await iam.send(new ListAttachedRolePoliciesCommand({ RoleName: roleName }))
      assert.deepEqual(
        attached.AttachedPolicies?.map((p) => p.PolicyArn),
        [policyArn],
      )
      const version = await iam.send(new GetPolicyVersionCommand({ PolicyArn: policyArn, VersionId: 'v1' }))
      const file = `operator-roles/${namespace}-${secret}.permission-policy.json`
      assert.deepEqual(
        JSON.parse(decodeURIComponent(version.PolicyVersion!.Document!)),
        JSON.parse(await readFile(new URL(file, DATA), 'utf8')),
      )
    }
    const rerun = await runCreateOperatorRoles(
      {
        ...common,
        prefix: 'mycluster-a1b2',
        oidcConfigId: config.id,
        installerRoleArn: 'arn:aws:iam::000000000000:role/Acct-Installer-Role',
        version: '4.22',
      },
      log,
      env,
    )
    assert.ok(rerun.every((r) => r.role === 'unchanged' && r.policy === 'unchanged'))
  })

  it('an operator exchanges a token signed with the key from Secrets Manager for role credentials', async () => {
    const pem = (await secrets.send(new GetSecretValueCommand({ SecretId: config.secretArn }))).SecretString!
    const sign = (sub: string, aud = 'openshift'): Promise<string> =>
      new SignJWT({ sub })
        .setProtectedHeader({ alg: 'RS256', kid: config.kid })
        .setIssuer(config.issuerUrl)
        .setAudience(aud)
        .setIssuedAt()
        .setExpirationTime('10m')
        .sign(createPrivateKey(pem))
    // 67 characters cut to IAM's 64, as rosa names it.
    const roleName = 'mycluster-a1b2-openshift-image-registry-installer-cloud-credentials'.slice(0, 64)
    const roleArn = `arn:aws:iam::000000000000:role/${roleName}`
    const sts = new STSClient({ endpoint: server.url, region: 'us-east-1', maxAttempts: 1 })
    const assumed = await sts.send(
      new AssumeRoleWithWebIdentityCommand({
        RoleArn: roleArn,
        RoleSessionName: 'registry',
        WebIdentityToken: await sign('system:serviceaccount:openshift-image-registry:registry'),
      }),
    )
    assert.equal(assumed.Audience, 'openshift')
    const session = new STSClient({
      endpoint: server.url,
      region: 'us-east-1',
      maxAttempts: 1,
      credentials: {
        accessKeyId: assumed.Credentials!.AccessKeyId!,
        secretAccessKey: assumed.Credentials!.SecretAccessKey!,
        sessionToken: assumed.Credentials!.SessionToken!,
      },
    })
    const identity = await session.send(new GetCallerIdentityCommand({}))
    assert.equal(identity.Arn, `arn:aws:sts::000000000000:assumed-role/${roleName}/registry`)
    // Another namespace's service account is not in the role's :sub condition.
    await assert.rejects(
      sts.send(
        new AssumeRoleWithWebIdentityCommand({
          RoleArn: roleArn,
          RoleSessionName: 'ingress',
          WebIdentityToken: await sign('system:serviceaccount:openshift-ingress-operator:ingress-operator'),
        }),
      ),
      { name: 'AccessDenied' },
    )
    session.destroy()
    sts.destroy()
  })

  it('list account-roles, operator-roles and oidc-providers find them by their rosa tags', async () => {
    const accounts = await runListAccountRoles({ ...common, prefix: 'Acct' }, env)
    assert.deepEqual(
      accounts.map((r) => [r.type, r.name, r.version]),
      [
        ['instance_controlplane', 'Acct-ControlPlane-Role', '4.22'],
        ['installer', 'Acct-Installer-Role', '4.22'],
        ['support', 'Acct-Support-Role', '4.22'],
        ['instance_worker', 'Acct-Worker-Role', '4.22'],
      ],
    )
    const operators = await runListOperatorRoles({ ...common, prefix: 'mycluster-a1b2' }, env)
    assert.deepEqual(
      operators.map((r) => `${r.namespace}/${r.secret}`).sort(),
      OPERATORS.map(([namespace, secret]) => `${namespace}/${secret}`).sort(),
    )
    assert.deepEqual(await runListOidcProviders(common, env), [providerArn])
  })

  it('delete operator-roles, oidc-provider, oidc-config and account-roles leave nothing behind', async () => {
    const operators = await runDeleteOperatorRoles({ ...common, prefix: 'mycluster-a1b2' }, log, env)
    assert.equal(operators.deletedRoles.length, OPERATORS.length)
    assert.equal(operators.deletedPolicies.length, OPERATORS.length)
    assert.deepEqual(await runDeleteOidcProvider({ ...common, oidcConfigId: config.id }, log, env), {
      deleted: true,
    })
    await assert.rejects(
      iam.send(new GetOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: providerArn })),
      { name: 'NoSuchEntityException' },
    )
    await runDeleteOidcConfig({ ...common, oidcConfigId: config.id }, log, env)
    await assert.rejects(s3.send(new HeadBucketCommand({ Bucket: config.bucket })), { name: 'NotFound' })
    await assert.rejects(secrets.send(new DescribeSecretCommand({ SecretId: config.secretArn })), {
      name: 'ResourceNotFoundException',
    })
    const accounts = await runDeleteAccountRoles({ ...common, prefix: 'Acct', version: '4.22' }, log, env)
    assert.equal(accounts.deletedRoles.length, 4)
  })
})
