import assert from 'node:assert/strict'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { after, before, describe, it } from 'node:test'
import {
  CreateOpenIDConnectProviderCommand,
  CreateRoleCommand,
  IAMClient,
  PutRolePolicyCommand,
} from '@aws-sdk/client-iam'
import { AssumeRoleWithWebIdentityCommand, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts'
import { exportJWK, generateKeyPair, SignJWT } from 'jose'
import { startTestServer, type TestServer } from '../start.js'

describe('e2e: STS AssumeRoleWithWebIdentity', () => {
  let server: TestServer
  let issuer: Server
  let issuerUrl: string
  let host: string
  let key: Awaited<ReturnType<typeof generateKeyPair>>
  const account = '000000000000'

  before(async () => {
    key = await generateKeyPair('RS256')
    const jwk = { ...(await exportJWK(key.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' }
    issuer = createServer((req, res) => {
      res.setHeader('content-type', 'application/json')
      if (req.url === '/.well-known/openid-configuration')
        res.end(JSON.stringify({ issuer: issuerUrl, jwks_uri: `${issuerUrl}/keys.json` }))
      else res.end(JSON.stringify({ keys: [jwk] }))
    })
    await new Promise<void>((resolve) => issuer.listen(0, '127.0.0.1', resolve))
    issuerUrl = `http://127.0.0.1:${(issuer.address() as AddressInfo).port}`
    host = issuerUrl.slice('http://'.length)
    server = await startTestServer()
    const iam = new IAMClient({
      endpoint: server.url,
      region: 'us-east-1',
      credentials: server.credentials,
      maxAttempts: 1,
    })
    await iam.send(
      new CreateOpenIDConnectProviderCommand({
        Url: issuerUrl,
        ClientIDList: ['openshift', 'sts.amazonaws.com'],
      }),
    )
    const trust = {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { Federated: `arn:aws:iam::${account}:oidc-provider/${host}` },
          Action: 'sts:AssumeRoleWithWebIdentity',
          Condition: {
            StringEquals: {
              [`${host}:sub`]: 'system:serviceaccount:openshift-ingress-operator:ingress-operator',
            },
          },
        },
      ],
    }
    await iam.send(
      new CreateRoleCommand({ RoleName: 'ingress', AssumeRolePolicyDocument: JSON.stringify(trust) }),
    )
    const allowRead = {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: 'iam:GetRole', Resource: '*' }],
    }
    await iam.send(
      new PutRolePolicyCommand({
        RoleName: 'ingress',
        PolicyName: 'read',
        PolicyDocument: JSON.stringify(allowRead),
      }),
    )
  })
  after(async () => {
    await server.stop()
    await new Promise<void>((resolve) => issuer.close(() => resolve()))
  })

  const token = (sub: string, aud = 'openshift') =>
    new SignJWT({ sub, aud })
      .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
      .setIssuer(issuerUrl)
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(key.privateKey)
  const sts = () =>
    new STSClient({
      endpoint: server.url,
      region: 'us-east-1',
      maxAttempts: 1,
      credentials: { accessKeyId: 'unused', secretAccessKey: 'unused' },
    })
  const assume = async (webToken: string) =>
    sts().send(
      new AssumeRoleWithWebIdentityCommand({
        RoleArn: `arn:aws:iam::${account}:role/ingress`,
        RoleSessionName: 'operator',
        WebIdentityToken: `${webToken}\n`,
      }),
    )

  it('trades a service-account token for role credentials that work', async () => {
    const out = await assume(await token('system:serviceaccount:openshift-ingress-operator:ingress-operator'))
    assert.equal(
      out.SubjectFromWebIdentityToken,
      'system:serviceaccount:openshift-ingress-operator:ingress-operator',
    )
    assert.equal(out.Audience, 'openshift')
    assert.equal(out.Provider, `arn:aws:iam::${account}:oidc-provider/${host}`)
    assert.equal(out.AssumedRoleUser?.Arn, `arn:aws:sts::${account}:assumed-role/ingress/operator`)
    assert.match(out.Credentials?.AccessKeyId ?? '', /^ASIA/)
    const credentials = {
      accessKeyId: out.Credentials!.AccessKeyId!,
      secretAccessKey: out.Credentials!.SecretAccessKey!,
      sessionToken: out.Credentials!.SessionToken!,
    }
    const who = await new STSClient({ endpoint: server.url, region: 'us-east-1', credentials }).send(
      new GetCallerIdentityCommand({}),
    )
    assert.equal(who.Arn, `arn:aws:sts::${account}:assumed-role/ingress/operator`)
  })

  it('refuses a subject the trust policy does not name', async () => {
    await assert.rejects(assume(await token('system:serviceaccount:other:sa')), {
      name: 'AccessDenied',
      message: 'Not authorized to perform sts:AssumeRoleWithWebIdentity',
    })
  })

  it('refuses an audience the provider does not list', async () => {
    await assert.rejects(
      assume(await token('system:serviceaccount:openshift-ingress-operator:ingress-operator', 'other')),
      {
        name: 'InvalidIdentityTokenException',
        message: 'Incorrect token audience',
      },
    )
  })

  it('refuses a role that does not exist like an untrusting one', async () => {
    const webToken = await token('system:serviceaccount:openshift-ingress-operator:ingress-operator')
    await assert.rejects(
      sts().send(
        new AssumeRoleWithWebIdentityCommand({
          RoleArn: `arn:aws:iam::${account}:role/missing`,
          RoleSessionName: 'session',
          WebIdentityToken: webToken,
        }),
      ),
      { name: 'AccessDenied' },
    )
  })
})
