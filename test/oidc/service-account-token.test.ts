import assert from 'node:assert/strict'
import { createPrivateKey, createPublicKey } from 'node:crypto'
import { describe, it } from 'node:test'
import { decodeProtectedHeader, jwtVerify } from 'jose'
import { generateOidcKeyPair } from '../../src/kernel/oidc-keys.js'
import { signServiceAccountToken } from '../../src/oidc/index.js'

describe('signServiceAccountToken', () => {
  it('signs a projected service-account token as the kube-apiserver does', async () => {
    const keys = await generateOidcKeyPair(2048)
    const issuerUrl = 'http://127.0.0.1:4566/api/clusters_mgmt/v1/oidc/abc'
    const token = await signServiceAccountToken(
      { issuerUrl, kid: keys.kid, privateKey: createPrivateKey(keys.privateKeyPem) },
      {
        namespace: 'openshift-machine-api',
        serviceAccount: 'machine-api-controllers',
        audience: 'openshift',
      },
      1_800_000_000,
      600,
    )
    assert.deepEqual(decodeProtectedHeader(token), { alg: 'RS256', kid: keys.kid, typ: 'JWT' })
    const publicKey = createPublicKey({ key: keys.jwk, format: 'jwk' })
    const { payload } = await jwtVerify(token, publicKey, {
      issuer: issuerUrl,
      audience: 'openshift',
      currentDate: new Date(1_800_000_100_000),
    })
    assert.deepEqual(payload, {
      'kubernetes.io': {
        namespace: 'openshift-machine-api',
        serviceaccount: { name: 'machine-api-controllers' },
      },
      iss: issuerUrl,
      sub: 'system:serviceaccount:openshift-machine-api:machine-api-controllers',
      aud: 'openshift',
      iat: 1_800_000_000,
      nbf: 1_800_000_000,
      exp: 1_800_000_600,
    })
    await assert.rejects(
      jwtVerify(token, publicKey, { currentDate: new Date(1_800_000_601_000) }),
      (error: { code?: string }) => error.code === 'ERR_JWT_EXPIRED',
    )
  })
})
