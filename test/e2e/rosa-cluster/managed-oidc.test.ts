import assert from 'node:assert/strict'
import { createPublicKey, type JsonWebKey } from 'node:crypto'
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { ListBucketsCommand, S3Client } from '@aws-sdk/client-s3'
import { ListSecretsCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager'
import { AssumeRoleCommand, AssumeRoleWithWebIdentityCommand, STSClient } from '@aws-sdk/client-sts'
import { decodeJwt, decodeProtectedHeader } from 'jose'
import { providerConfig, runCreateCluster, runDeleteCluster } from '../../../src/cli/commands/rosa-cluster.js'
import { runListOidcConfigs } from '../../../src/cli/commands/rosa-list.js'
import {
  runCreateAnyOidcConfig,
  runCreateOidcProvider,
  runDeleteOidcConfig,
  runDeleteOidcProvider,
  runDescribeOidcConfig,
} from '../../../src/cli/commands/rosa-oidc.js'
import {
  runCreateOperatorRoles,
  runDeleteOperatorRoles,
} from '../../../src/cli/commands/rosa-operator-roles.js'
import { type ClusterApiError, DEFAULT_PROVIDER_ACCOUNT, keyIdOf } from '../../../src/rosa/index.js'
import { openOperatorHost } from '../../../src/rosa/operators/operator-host.js'
import { startTestServer, type TestServer } from '../start.js'
import { initWithAccountRoles, rosaEnv } from './customer-fixtures.js'
import { CUSTOMER, clusterApi } from './rosa-cluster-fixtures.js'

const MACHINE_API_ROLE = `arn:aws:iam::${CUSTOMER}:role/mng-ops-openshift-machine-api-aws-cloud-credentials`

describe('e2e: managed OIDC configuration (the cluster service keeps the key)', () => {
  let server: TestServer
  let env: NodeJS.ProcessEnv
  let id: string
  let issuerUrl: string
  let kid: string
  let clusterId: string
  const flags = { output: 'text' }
  const quiet = (): void => {}

  before(async () => {
    server = await startTestServer()
    env = rosaEnv(server.url, server.dataDir)
    await initWithAccountRoles(env)
  })
  after(async () => {
    await server.stop()
  })

  it('create oidc-config (managed by default): an OCM id and an issuer under the endpoint', async () => {
    const config = await runCreateAnyOidcConfig({ ...flags, managed: 'true', version: '4.22' }, quiet, env)
    id = config.id
    issuerUrl = config.issuerUrl
    assert.match(id, /^[a-z2-7]{32}$/)
    assert.equal(issuerUrl, `${server.url}/api/clusters_mgmt/v1/oidc/${id}`)
    await assert.rejects(
      runCreateAnyOidcConfig({ ...flags, managed: 'true', prefix: 'lab', version: '4.22' }, quiet, env),
      /--prefix names the bucket of an unmanaged configuration/,
    )
  })

  it('the service creates managed configurations only, and only for signed callers', async () => {
    const api = clusterApi(server, server.credentials) as unknown as {
      call(method: string, path: string, body?: unknown): Promise<unknown>
    }
    await assert.rejects(
      api.call('POST', '/oidc_configs', { managed: false }),
      (error: ClusterApiError) =>
        error.status === 400 &&
        error.code === 'CLUSTERS-MGMT-400' &&
        error.message === 'Only managed OIDC configurations are created here: send \'"managed": true\'',
    )
    const anonymous = await fetch(`${server.url}/api/clusters_mgmt/v1/oidc_configs`, {
      method: 'POST',
      body: '{"managed":true}',
    })
    assert.notEqual(anonymous.status, 201)
  })

  it('serves the discovery document and keys.json to anonymous plain GETs (no private part)', async () => {
    const discovery = await fetch(`${issuerUrl}/.well-known/openid-configuration`)
    assert.equal(discovery.status, 200)
    const document = (await discovery.json()) as { issuer: string; jwks_uri: string }
    assert.equal(document.issuer, issuerUrl)
    assert.equal(document.jwks_uri, `${issuerUrl}/keys.json`)
    const jwks = (await (await fetch(document.jwks_uri)).json()) as { keys: (JsonWebKey & { kid: string })[] }
    assert.equal(jwks.keys.length, 1)
    const [key] = jwks.keys
    assert.equal(key!.d, undefined)
    assert.deepEqual(Object.keys(key!).sort(), ['alg', 'e', 'kid', 'kty', 'n', 'use'])
    const publicKey = createPublicKey({ key: key!, format: 'jwk' })
    assert.equal(publicKey.asymmetricKeyDetails?.modulusLength, 4096)
    kid = key!.kid
    assert.equal(kid, keyIdOf(publicKey))
    const missing = await fetch(`${server.url}/api/clusters_mgmt/v1/oidc/${'a'.repeat(32)}/keys.json`)
    assert.equal(missing.status, 404)
    assert.equal(((await missing.json()) as { code: string }).code, 'CLUSTERS-MGMT-404')
  })

  it('the key is never in the customer account, never in an answer, and sealed at rest', async () => {
    const client = { endpoint: server.url, region: 'us-east-1', credentials: server.credentials }
    const s3 = new S3Client({ ...client, forcePathStyle: true })
    const secrets = new SecretsManagerClient(client)
    try {
      assert.deepEqual((await s3.send(new ListBucketsCommand({}))).Buckets ?? [], [])
      assert.deepEqual((await secrets.send(new ListSecretsCommand({}))).SecretList ?? [], [])
    } finally {
      s3.destroy()
      secrets.destroy()
    }
    const answer = await clusterApi(server, server.credentials).getOidcConfig(id)
    assert.deepEqual(
      { id: answer.id, managed: answer.managed, issuer_url: answer.issuer_url },
      { id, managed: true, issuer_url: issuerUrl },
    )
    assert.doesNotMatch(JSON.stringify(answer), /PRIVATE|"d"/)
    for (const name of await readdir(server.dataDir)) {
      if (!name.startsWith('lanyard.db')) continue
      const bytes = await readFile(join(server.dataDir, name), 'latin1')
      assert.equal(bytes.includes('RSA PRIVATE KEY'), false, `${name} holds a clear private key`)
    }
  })

  it('describe and list show it; another account cannot read it', async () => {
    assert.deepEqual(await runDescribeOidcConfig({ ...flags, oidcConfigId: id }, env), {
      id,
      issuerUrl,
      kids: [kid],
      secretArn: undefined,
    })
    assert.deepEqual(await runListOidcConfigs(flags, env), [{ id, issuerUrl }])
    const provider = providerConfig(flags, DEFAULT_PROVIDER_ACCOUNT, env).credentials
    await assert.rejects(
      clusterApi(server, provider as never).getOidcConfig(id),
      (error: ClusterApiError) => error.status === 403 && error.code === 'AccessDenied',
    )
  })

  it('oidc-provider and operator-roles work with the managed configuration', async () => {
    const created = await runCreateOidcProvider({ ...flags, oidcConfigId: id }, quiet, env)
    assert.equal(created.issuerUrl, issuerUrl)
    assert.equal(created.arn, `arn:aws:iam::${CUSTOMER}:oidc-provider/${issuerUrl.replace('http://', '')}`)
    await runCreateOperatorRoles(
      { ...flags, prefix: 'mng-ops', oidcConfigId: id, version: '4.22' },
      quiet,
      env,
    )
  })

  it('a cluster with the managed configuration installs and runs its operators on provider-signed tokens', async () => {
    const cluster = await runCreateCluster(
      {
        ...flags,
        clusterName: 'mng',
        rolePrefix: 'ManagedOpenShift',
        operatorRolesPrefix: 'mng-ops',
        oidcConfigId: id,
        computeNodes: '2',
        version: '4.22',
      },
      quiet,
      env,
    )
    clusterId = cluster.id
    assert.equal(cluster.state, 'ready')
    const operators = await clusterApi(server, server.credentials).clusterOperators(clusterId)
    assert.ok(operators.length >= 5, JSON.stringify(operators))
    for (const o of operators) assert.equal(o.condition, 'available', `${o.name}: ${o.reason}`)
  })

  it('the provider installer gets a short-lived token signed by the provider-held key; STS accepts it', async () => {
    const host = await openOperatorHost({
      endpoint: server.url,
      region: 'us-east-1',
      providerCredentials: providerConfig(flags, DEFAULT_PROVIDER_ACCOUNT, env).credentials,
      providerAccount: DEFAULT_PROVIDER_ACCOUNT,
      clusterId,
    })
    assert.ok('sign' in host.issuer, 'a managed cluster has no key on the operators side')
    assert.equal('privateKey' in host.issuer, false)
    const token = await host.issuer.sign('openshift-machine-api', 'machine-api-controllers')
    assert.deepEqual(decodeProtectedHeader(token), { alg: 'RS256', kid, typ: 'JWT' })
    const claims = decodeJwt(token)
    assert.equal(claims.iss, issuerUrl)
    assert.equal(claims.aud, 'openshift')
    assert.equal(claims.sub, 'system:serviceaccount:openshift-machine-api:machine-api-controllers')
    assert.equal(claims.exp! - claims.iat!, 600)
    const sts = new STSClient({
      endpoint: server.url,
      region: 'us-east-1',
      credentials: { accessKeyId: 'unused', secretAccessKey: 'unused' },
    })
    try {
      const answer = await sts.send(
        new AssumeRoleWithWebIdentityCommand({
          RoleArn: MACHINE_API_ROLE,
          RoleSessionName: 'machine-api',
          WebIdentityToken: token,
        }),
      )
      assert.equal(answer.SubjectFromWebIdentityToken, claims.sub)
      assert.equal(
        answer.Provider,
        `arn:aws:iam::${CUSTOMER}:oidc-provider/${issuerUrl.replace('http://', '')}`,
      )
    } finally {
      sts.destroy()
    }
    await assert.rejects(
      host.api.serviceAccountToken(clusterId, 'kube-system', 'default'),
      (error: ClusterApiError) =>
        error.status === 400 &&
        error.message ===
          "Service account 'kube-system:default' is not an operator service account of cluster 'mng'",
    )
  })

  it('the provider support role may not get tokens (the cluster resource policy grants the installer only)', async () => {
    const provider = providerConfig(flags, DEFAULT_PROVIDER_ACCOUNT, env).credentials
    const sts = new STSClient({ endpoint: server.url, region: 'us-east-1', credentials: provider })
    const assumed = await sts
      .send(
        new AssumeRoleCommand({
          RoleArn: `arn:aws:iam::${DEFAULT_PROVIDER_ACCOUNT}:role/RH-Technical-Support-Access`,
          RoleSessionName: 'support',
        }),
      )
      .finally(() => sts.destroy())
    const c = assumed.Credentials!
    const support = {
      accessKeyId: c.AccessKeyId!,
      secretAccessKey: c.SecretAccessKey!,
      sessionToken: c.SessionToken!,
    }
    await assert.rejects(
      clusterApi(server, support).serviceAccountToken(
        clusterId,
        'openshift-machine-api',
        'machine-api-controllers',
      ),
      (error: ClusterApiError) => error.status === 403 && error.code === 'AccessDenied',
    )
  })

  it('delete oidc-config is refused while the cluster uses it, then removes the provider-side key', async () => {
    await assert.rejects(runDeleteOidcConfig({ ...flags, oidcConfigId: id }, quiet, env), /mng/)
    await runDeleteCluster({ ...flags, cluster: 'mng' }, quiet, env)
    await runDeleteOperatorRoles({ ...flags, prefix: 'mng-ops' } as never, quiet, env)
    await runDeleteOidcProvider({ ...flags, oidcConfigId: id }, quiet, env)
    assert.deepEqual(await runDeleteOidcConfig({ ...flags, oidcConfigId: id }, quiet, env), { deleted: id })
    const gone = await fetch(`${issuerUrl}/.well-known/openid-configuration`)
    assert.equal(gone.status, 404)
    await assert.rejects(
      clusterApi(server, server.credentials).getOidcConfig(id),
      (error: ClusterApiError) => error.status === 404 && error.message === `OIDC config '${id}' not found`,
    )
    const arn = `arn:aws:clusters:::oidc-config/${id}`
    assert.equal(await server.app.store.secretVersions.get(arn, 'signing-key'), undefined)
    assert.deepEqual(await runListOidcConfigs(flags, env), [])
  })
})
