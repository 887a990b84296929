import assert from 'node:assert/strict'
import { generateKeyPairSync } from 'node:crypto'
import { describe, it } from 'node:test'
import { decodeProtectedHeader, jwtVerify } from 'jose'
import type { ClusterDocument } from '../../src/rosa/cluster-api.js'
import {
  CLUSTER_OPERATORS,
  mintServiceAccountToken,
  operatorRoleArn,
  RefreshingCredentials,
  registryBucketName,
  type TemporaryCredentials,
} from '../../src/rosa/operators/index.js'
import { checkComputeNodes } from '../../src/services/clusters/operations/update-cluster.js'

const expiring = (id: number, at: number): TemporaryCredentials => ({
  accessKeyId: `ASIA${id}`,
  secretAccessKey: 's',
  sessionToken: 't',
  expiration: new Date(at),
})

describe('rosa operators: refreshing credentials', () => {
  it('fetches once, reuses until refreshBeforeMs before expiry, then fetches again', async () => {
    let now = 0
    let calls = 0
    const creds = new RefreshingCredentials(async () => expiring(++calls, now + 3_600_000), {
      refreshBeforeMs: 300_000,
      now: () => now,
    })
    assert.equal((await creds.get()).accessKeyId, 'ASIA1')
    now = 3_299_999
    assert.equal((await creds.get()).accessKeyId, 'ASIA1')
    now = 3_300_000
    assert.equal((await creds.get()).accessKeyId, 'ASIA2')
    assert.equal(creds.fetchCount, 2)
  })

  it('shares one fetch between concurrent callers, and fetches anew after invalidate', async () => {
    let calls = 0
    const creds = new RefreshingCredentials(async () => {
      await new Promise((resolve) => setTimeout(resolve, 10))
      return expiring(++calls, Date.now() + 3_600_000)
    })
    const [a, b] = await Promise.all([creds.get(), creds.get()])
    assert.equal(a, b)
    assert.equal(calls, 1)
    creds.invalidate()
    assert.equal((await creds.provider()).accessKeyId, 'ASIA2')
    assert.equal(creds.accessKeyId, 'ASIA2')
  })

  it('a failed fetch is not cached: the next call tries again', async () => {
    let calls = 0
    const creds = new RefreshingCredentials(async () => {
      calls++
      if (calls === 1) throw Object.assign(new Error('denied'), { name: 'AccessDenied' })
      return expiring(calls, Date.now() + 3_600_000)
    })
    await assert.rejects(creds.get(), { name: 'AccessDenied' })
    assert.equal((await creds.get()).accessKeyId, 'ASIA2')
    assert.equal(creds.fetchCount, 1)
  })
})

describe('rosa operators: projected service-account tokens', () => {
  it('signs RS256 with the kid, iss, sub of the service account, aud openshift and a 10-minute life', async () => {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
    const issuer = { issuerUrl: 'http://127.0.0.1:4566/oidc-a1b2c3d4', kid: 'kid-1', privateKey }
    const now = Date.UTC(2026, 11, 7, 0, 0, 0)
    const token = await mintServiceAccountToken(
      issuer,
      'openshift-machine-api',
      'machine-api-controllers',
      now,
    )
    assert.deepEqual(decodeProtectedHeader(token), { alg: 'RS256', kid: 'kid-1', typ: 'JWT' })
    const { payload } = await jwtVerify(token, publicKey, {
      issuer: issuer.issuerUrl,
      audience: 'openshift',
      currentDate: new Date(now + 1000),
    })
    assert.equal(payload.sub, 'system:serviceaccount:openshift-machine-api:machine-api-controllers')
    assert.equal(payload.iat, now / 1000)
    assert.equal(payload.exp, now / 1000 + 600)
    assert.deepEqual(payload['kubernetes.io'], {
      namespace: 'openshift-machine-api',
      serviceaccount: { name: 'machine-api-controllers' },
    })
    await assert.rejects(jwtVerify(token, publicKey, { currentDate: new Date(now + 601_000) }), {
      code: 'ERR_JWT_EXPIRED',
    })
  })
})

describe('rosa operators: names', () => {
  const cluster = (roleArn: string, prefix?: string) =>
    ({
      name: 'demo',
      aws: { sts: { role_arn: roleArn, ...(prefix ? { operator_role_prefix: prefix } : {}) } },
    }) as unknown as ClusterDocument
  const machineApi = CLUSTER_OPERATORS.find((o) => o.name === 'machine-api')!
  const cco = CLUSTER_OPERATORS.find((o) => o.name === 'cloud-credential')!

  it('operator roles are <prefix>-<namespace>-<secret> on the Installer role path, cut to 64', () => {
    assert.equal(
      operatorRoleArn(
        cluster('arn:aws:iam::111122223333:role/rosa/Acct-Installer-Role', 'demo-x1'),
        machineApi,
      ),
      'arn:aws:iam::111122223333:role/rosa/demo-x1-openshift-machine-api-aws-cloud-credentials',
    )
    const long = operatorRoleArn(cluster('arn:aws:iam::111122223333:role/A-Installer-Role', 'demo-x1'), cco)
    assert.equal(long.split('/').pop()!.length, 64)
    assert.throws(() => operatorRoleArn(cluster('arn:aws:iam::1:role/A'), cco), /no operator role prefix/)
  })

  it('the registry bucket is <infra-id>-image-registry-<region>', () => {
    assert.equal(registryBucketName('demo-ab12c', 'us-east-1'), 'demo-ab12c-image-registry-us-east-1')
    assert.ok(registryBucketName('a'.repeat(27), 'ap-southeast-2').length <= 63)
  })

  it('compute nodes: at least 2, or 3 and multiples of 3 across zones (CLUSTERS-MGMT-400)', () => {
    checkComputeNodes(2, false)
    checkComputeNodes(6, true)
    assert.throws(() => checkComputeNodes(1, false), {
      name: 'CLUSTERS-MGMT-400',
      message: 'The number of compute nodes needs to be at least 2, got 1',
    })
    assert.throws(() => checkComputeNodes(4, true), {
      message: 'Multi-AZ clusters need a multiple of 3 compute nodes, got 4',
    })
    assert.throws(() => checkComputeNodes(2.5, false), { message: "Compute nodes '2.5' is not an integer" })
  })
})
