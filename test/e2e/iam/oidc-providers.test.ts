import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import {
  AddClientIDToOpenIDConnectProviderCommand,
  CreateOpenIDConnectProviderCommand,
  CreateRoleCommand,
  DeleteOpenIDConnectProviderCommand,
  GetOpenIDConnectProviderCommand,
  GetRoleCommand,
  type IAMClient,
  ListOpenIDConnectProvidersCommand,
  ListOpenIDConnectProviderTagsCommand,
  RemoveClientIDFromOpenIDConnectProviderCommand,
  TagOpenIDConnectProviderCommand,
  UntagOpenIDConnectProviderCommand,
  UpdateOpenIDConnectProviderThumbprintCommand,
} from '@aws-sdk/client-iam'
import { startTestServer, type TestServer } from '../start.js'
import { ACCOUNT, accessDenied, adminClient, allow, clientForUser, rejectsWith } from './role-fixtures.js'

const PRINT = 'A'.repeat(40)
const providerArn = (path: string) => `arn:aws:iam::${ACCOUNT}:oidc-provider/${path}`

describe('e2e: IAM OIDC providers (SDK v3)', () => {
  let server: TestServer
  let iam: IAMClient
  const create = (Url: string, extra: object = {}) =>
    iam.send(
      new CreateOpenIDConnectProviderCommand({
        Url,
        ClientIDList: ['openshift'],
        ThumbprintList: [PRINT],
        ...extra,
      }),
    )
  before(async () => {
    server = await startTestServer()
    iam = adminClient(server)
  })
  after(() => server.stop())

  it('CreateOpenIDConnectProvider names the provider by its URL without the scheme', async () => {
    const out = await create('https://oidc.example.com/cluster-1', {
      Tags: [{ Key: 'red-hat-managed', Value: 'true' }],
    })
    assert.equal(out.OpenIDConnectProviderArn, providerArn('oidc.example.com/cluster-1'))
    assert.deepEqual(out.Tags, [{ Key: 'red-hat-managed', Value: 'true' }])
  })

  it('GetOpenIDConnectProvider returns the Url without the scheme and lower-case thumbprints', async () => {
    const out = await iam.send(
      new GetOpenIDConnectProviderCommand({
        OpenIDConnectProviderArn: providerArn('oidc.example.com/cluster-1'),
      }),
    )
    assert.equal(out.Url, 'oidc.example.com/cluster-1')
    assert.deepEqual(out.ClientIDList, ['openshift'])
    assert.deepEqual(out.ThumbprintList, [PRINT.toLowerCase()])
    assert.ok(out.CreateDate instanceof Date)
    assert.deepEqual(out.Tags, [{ Key: 'red-hat-managed', Value: 'true' }])
  })

  it('a URL registered twice is EntityAlreadyExists; :443 is dropped; a trailing slash is another provider', async () => {
    await rejectsWith(
      create('https://oidc.example.com:443/cluster-1'),
      'EntityAlreadyExistsException',
      409,
      'Provider with url https://oidc.example.com:443/cluster-1 already exists.',
    )
    const slash = await create('https://oidc.example.com/cluster-1/')
    assert.equal(slash.OpenIDConnectProviderArn, providerArn('oidc.example.com/cluster-1/'))
  })

  it('http is refused except for loopback hosts (a Lanyard extension for its own issuer)', async () => {
    await rejectsWith(
      create('http://oidc.example.com'),
      'InvalidInputException',
      400,
      'Invalid URL: http://oidc.example.com',
    )
    await rejectsWith(
      create('https://oidc.example.com/x?y=1'),
      'InvalidInputException',
      400,
      'Invalid URL: https://oidc.example.com/x?y=1',
    )
    const local = await create('http://127.0.0.1:4566/oidc')
    assert.equal(local.OpenIDConnectProviderArn, providerArn('127.0.0.1:4566/oidc'))
  })

  it('thumbprints are optional, at most five; client ids are de-duplicated and at most 100', async () => {
    const none = await iam.send(new CreateOpenIDConnectProviderCommand({ Url: 'https://none.example.com' }))
    const got = await iam.send(
      new GetOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: none.OpenIDConnectProviderArn }),
    )
    assert.deepEqual(got.ThumbprintList, [])
    await rejectsWith(
      create('https://six.example.com', { ThumbprintList: Array(6).fill(PRINT) }),
      'InvalidInputException',
      400,
      'Thumbprint list must contain fewer than 5 entries.',
    )
    await rejectsWith(
      create('https://many.example.com', { ClientIDList: Array.from({ length: 101 }, (_, i) => `c${i}`) }),
      'LimitExceededException',
      409,
      'Cannot exceed quota for ClientIdsPerOpenIdConnectProvider: 100',
    )
    const dup = await create('https://dup.example.com', { ClientIDList: ['b', 'a', 'b'] })
    const dupGot = await iam.send(
      new GetOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: dup.OpenIDConnectProviderArn }),
    )
    assert.deepEqual(dupGot.ClientIDList, ['b', 'a'])
  })

  it('client ids are added and removed idempotently; thumbprints are replaced whole', async () => {
    const OpenIDConnectProviderArn = providerArn('oidc.example.com/cluster-1')
    await iam.send(
      new AddClientIDToOpenIDConnectProviderCommand({
        OpenIDConnectProviderArn,
        ClientID: 'sts.amazonaws.com',
      }),
    )
    await iam.send(
      new AddClientIDToOpenIDConnectProviderCommand({
        OpenIDConnectProviderArn,
        ClientID: 'sts.amazonaws.com',
      }),
    )
    await iam.send(
      new RemoveClientIDFromOpenIDConnectProviderCommand({ OpenIDConnectProviderArn, ClientID: 'absent' }),
    )
    await iam.send(
      new RemoveClientIDFromOpenIDConnectProviderCommand({ OpenIDConnectProviderArn, ClientID: 'openshift' }),
    )
    await iam.send(
      new UpdateOpenIDConnectProviderThumbprintCommand({
        OpenIDConnectProviderArn,
        ThumbprintList: ['b'.repeat(40)],
      }),
    )
    const out = await iam.send(new GetOpenIDConnectProviderCommand({ OpenIDConnectProviderArn }))
    assert.deepEqual(out.ClientIDList, ['sts.amazonaws.com'])
    assert.deepEqual(out.ThumbprintList, ['b'.repeat(40)])
    await rejectsWith(
      iam.send(
        new UpdateOpenIDConnectProviderThumbprintCommand({ OpenIDConnectProviderArn, ThumbprintList: [] }),
      ),
      'InvalidInputException',
      400,
      'Thumbprint list must contain at least one entry.',
    )
  })

  it('tags are added, listed and removed', async () => {
    const OpenIDConnectProviderArn = providerArn('oidc.example.com/cluster-1')
    await iam.send(
      new TagOpenIDConnectProviderCommand({
        OpenIDConnectProviderArn,
        Tags: [{ Key: 'cluster', Value: 'c1' }],
      }),
    )
    await iam.send(
      new UntagOpenIDConnectProviderCommand({ OpenIDConnectProviderArn, TagKeys: ['red-hat-managed'] }),
    )
    const tags = await iam.send(new ListOpenIDConnectProviderTagsCommand({ OpenIDConnectProviderArn }))
    assert.deepEqual(tags.Tags, [{ Key: 'cluster', Value: 'c1' }])
    assert.equal(tags.IsTruncated, false)
  })

  it('a role can trust the provider; the list shows every provider ARN', async () => {
    const federated = providerArn('oidc.example.com/cluster-1')
    const trust = JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { Federated: federated },
          Action: 'sts:AssumeRoleWithWebIdentity',
          Condition: { StringEquals: { 'oidc.example.com/cluster-1:sub': ['system:serviceaccount:ns:sa'] } },
        },
      ],
    })
    await iam.send(new CreateRoleCommand({ RoleName: 'operator', AssumeRolePolicyDocument: trust }))
    const role = (await iam.send(new GetRoleCommand({ RoleName: 'operator' }))).Role!
    assert.match(
      decodeURIComponent(role.AssumeRolePolicyDocument!),
      /"oidc.example.com\/cluster-1:sub":"system:serviceaccount:ns:sa"/,
    )
    const list = await iam.send(new ListOpenIDConnectProvidersCommand({}))
    assert.ok(list.OpenIDConnectProviderList?.some((p) => p.Arn === federated))
  })

  it('a missing provider is NoSuchEntity; Delete removes it', async () => {
    const missing = providerArn('missing.example.com')
    await rejectsWith(
      iam.send(new GetOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: missing })),
      'NoSuchEntityException',
      404,
      `OpenIDConnect Provider not found for arn ${missing}`,
    )
    const OpenIDConnectProviderArn = providerArn('dup.example.com')
    await iam.send(new DeleteOpenIDConnectProviderCommand({ OpenIDConnectProviderArn }))
    await assert.rejects(iam.send(new GetOpenIDConnectProviderCommand({ OpenIDConnectProviderArn })), {
      name: 'NoSuchEntityException',
    })
  })

  it('creating a provider needs iam:CreateOpenIDConnectProvider on its ARN', async () => {
    const arn = providerArn('denied.example.com')
    const user = await clientForUser(server, 'reader', [allow('iam:GetOpenIDConnectProvider')])
    await rejectsWith(
      user.send(
        new CreateOpenIDConnectProviderCommand({
          Url: 'https://denied.example.com',
          ThumbprintList: [PRINT],
        }),
      ),
      'AccessDenied',
      403,
      accessDenied('reader', 'iam:CreateOpenIDConnectProvider', arn),
    )
  })
})
