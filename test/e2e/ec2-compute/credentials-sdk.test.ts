import assert from 'node:assert/strict'
import { readFile } from 'node:fs/promises'
import { after, before, describe, it } from 'node:test'
import { RunInstancesCommand } from '@aws-sdk/client-ec2'
import { AddRoleToInstanceProfileCommand, CreateInstanceProfileCommand } from '@aws-sdk/client-iam'
import { DecodeAuthorizationMessageCommand, GetCallerIdentityCommand } from '@aws-sdk/client-sts'
import { iamClient } from '../sts/sts-fixtures.js'
import {
  ACCOUNT,
  type ComputeServer,
  createRole,
  createUser,
  policy,
  rejectsWith,
  rhcosImage,
  type SeededNetwork,
  seedNetwork,
  startComputeServer,
  stsClient,
  trust,
} from './compute-fixtures.js'

const EC2_TRUST = trust({ Service: 'ec2.amazonaws.com' })
const ADMIN_TRUST = trust({ AWS: `arn:aws:iam::${ACCOUNT}:root` })

describe('e2e: EC2 instance profiles, iam:PassRole and instance credentials (SDK v3)', () => {
  let server: ComputeServer
  let net: SeededNetwork
  const imds = (id: string, path: string, init: RequestInit = {}) =>
    fetch(`${server.url}/_lanyard/imds/${id}${path}`, init)

  async function profile(name: string, roleTrust: string, policies: string[] = []) {
    await createRole(server.url, server.admin, server.app.store, name, roleTrust, policies)
    const iam = iamClient(server.url, server.admin, server.clock.offsetMs)
    await iam.send(new CreateInstanceProfileCommand({ InstanceProfileName: `${name}-profile` }))
    await iam.send(
      new AddRoleToInstanceProfileCommand({ InstanceProfileName: `${name}-profile`, RoleName: name }),
    )
  }

  const launch = (profileName: string, keys = server.admin) =>
    server.ec2(keys).send(
      new RunInstancesCommand({
        ImageId: rhcosImage(),
        InstanceType: 'm6i.xlarge',
        MinCount: 1,
        MaxCount: 1,
        SubnetId: net.subnetId,
        IamInstanceProfile: { Name: profileName },
      }),
    )

  before(async () => {
    server = await startComputeServer()
    net = await seedNetwork(server.app.store, ACCOUNT)
    const workerPolicy = new URL('../../../data/rosa/4.22/worker.permission-policy.json', import.meta.url)
    await profile('worker', EC2_TRUST, [await readFile(workerPolicy, 'utf8')])
    await profile('untrusted', ADMIN_TRUST)
  })
  after(() => server.stop())

  it('an instance of a profile gets its role session from IMDSv2, and STS names the instance as the session', async () => {
    const out = await launch('worker-profile')
    const instance = out.Instances![0]!
    assert.deepEqual(
      instance.IamInstanceProfile!.Arn,
      `arn:aws:iam::${ACCOUNT}:instance-profile/worker-profile`,
    )
    assert.match(instance.IamInstanceProfile!.Id!, /^AIPA/)
    const id = instance.InstanceId!
    // Not running yet: no metadata endpoint.
    assert.equal(
      (
        await imds(id, '/latest/api/token', {
          method: 'PUT',
          headers: { 'x-aws-ec2-metadata-token-ttl-seconds': '60' },
        })
      ).status,
      404,
    )
    server.clock.advance(6_000)
    assert.equal((await imds(id, '/latest/api/token', { method: 'PUT' })).status, 400)
    const tokenResponse = await imds(id, '/latest/api/token', {
      method: 'PUT',
      headers: { 'x-aws-ec2-metadata-token-ttl-seconds': '300' },
    })
    assert.equal(tokenResponse.status, 200)
    const token = await tokenResponse.text()
    // IMDSv1 (no token) is refused: instances are launched with HttpTokens=required.
    assert.equal((await imds(id, '/latest/meta-data/iam/security-credentials/')).status, 401)
    const headers = { 'x-aws-ec2-metadata-token': token }
    assert.equal(await (await imds(id, '/latest/meta-data/instance-id', { headers })).text(), id)
    const roles = await imds(id, '/latest/meta-data/iam/security-credentials/', { headers })
    assert.equal(await roles.text(), 'worker')
    const document = (await (
      await imds(id, '/latest/meta-data/iam/security-credentials/worker', { headers })
    ).json()) as Record<string, string>
    assert.equal(document.Code, 'Success')
    assert.equal(document.Type, 'AWS-HMAC')
    assert.match(document.AccessKeyId!, /^ASIA/)
    assert.ok(Date.parse(document.Expiration!) > server.clock.now().getTime() + 5 * 3600_000)
    const keys = {
      accessKeyId: document.AccessKeyId!,
      secretAccessKey: document.SecretAccessKey!,
      sessionToken: document.Token!,
    }
    const me = await stsClient(server.url, keys, server.clock.offsetMs).send(new GetCallerIdentityCommand({}))
    assert.equal(me.Arn, `arn:aws:sts::${ACCOUNT}:assumed-role/worker/${id}`)
    assert.match(me.UserId!, new RegExp(`^AROA[A-Z2-7]+:${id}$`))
    // The Worker policy may only describe: RunInstances is UnauthorizedOperation with an encoded message.
    await assert.rejects(
      launch('worker-profile', keys),
      (error: Error & { $metadata?: { httpStatusCode?: number } }) => {
        assert.equal(error.name, 'UnauthorizedOperation')
        assert.equal(error.$metadata?.httpStatusCode, 403)
        assert.match(
          error.message,
          new RegExp(
            `^You are not authorized to perform this operation\\. User: arn:aws:sts::${ACCOUNT}:assumed-role/worker/${id} is not authorized to perform: ec2:RunInstances on resource: arn:aws:ec2:us-east-1:${ACCOUNT}:instance/\\*`,
          ),
        )
        return true
      },
    )
    // Another instance's token is refused.
    const other = (await launch('worker-profile')).Instances![0]!.InstanceId!
    server.clock.advance(6_000)
    assert.equal((await imds(other, '/latest/meta-data/instance-id', { headers })).status, 401)
  })

  it('a role that does not trust ec2.amazonaws.com yields AssumeRoleUnauthorizedAccess', async () => {
    const id = (await launch('untrusted-profile')).Instances![0]!.InstanceId!
    server.clock.advance(6_000)
    const token = await (
      await imds(id, '/latest/api/token', {
        method: 'PUT',
        headers: { 'x-aws-ec2-metadata-token-ttl-seconds': '60' },
      })
    ).text()
    const body = (await (
      await imds(id, '/latest/meta-data/iam/security-credentials/untrusted', {
        headers: { 'x-aws-ec2-metadata-token': token },
      })
    ).json()) as Record<string, string>
    assert.equal(body.Code, 'AssumeRoleUnauthorizedAccess')
    assert.match(body.Message!, /^EC2 cannot assume the role untrusted\./)
  })

  it('RunInstances with a profile needs iam:PassRole on its role, passed to ec2.amazonaws.com', async () => {
    const noPass = await createUser(server.app.store, 'launcher', [
      policy({ Effect: 'Allow', Action: 'ec2:*', Resource: '*' }),
    ])
    await assert.rejects(launch('worker-profile', noPass), (error: Error) => {
      assert.equal(error.name, 'UnauthorizedOperation')
      assert.match(
        error.message,
        new RegExp(
          `User: arn:aws:iam::${ACCOUNT}:user/launcher is not authorized to perform: iam:PassRole on resource: arn:aws:iam::${ACCOUNT}:role/worker `,
        ),
      )
      return true
    })
    const wrongService = await createUser(server.app.store, 'launcher2', [
      policy(
        { Effect: 'Allow', Action: 'ec2:*', Resource: '*' },
        {
          Effect: 'Allow',
          Action: 'iam:PassRole',
          Resource: '*',
          Condition: { StringEquals: { 'iam:PassedToService': 'lambda.amazonaws.com' } },
        },
      ),
    ])
    await assert.rejects(launch('worker-profile', wrongService), { name: 'UnauthorizedOperation' })
    const allowed = await createUser(server.app.store, 'launcher3', [
      policy(
        { Effect: 'Allow', Action: 'ec2:*', Resource: '*' },
        {
          Effect: 'Allow',
          Action: 'iam:PassRole',
          Resource: `arn:aws:iam::${ACCOUNT}:role/worker`,
          Condition: { StringEquals: { 'iam:PassedToService': 'ec2.amazonaws.com' } },
        },
      ),
    ])
    const out = await launch('worker-profile', allowed)
    assert.equal(out.Instances!.length, 1)
    await rejectsWith(
      launch('missing-profile'),
      'InvalidParameterValue',
      400,
      'Value (missing-profile) for parameter iamInstanceProfile.name is invalid. Invalid IAM Instance Profile name',
    )
  })

  it('a condition on ec2:InstanceType limits what a caller launches; the denial decodes', async () => {
    const small = await createUser(server.app.store, 'small-only', [
      policy(
        {
          Effect: 'Allow',
          Action: 'ec2:RunInstances',
          Resource: '*',
          Condition: { StringEquals: { 'ec2:InstanceType': 't3.medium' } },
        },
        {
          Effect: 'Allow',
          Action: 'ec2:RunInstances',
          Resource: [
            'arn:aws:ec2:*:*:subnet/*',
            'arn:aws:ec2:*:*:network-interface/*',
            'arn:aws:ec2:*:*:volume/*',
            'arn:aws:ec2:*:*:security-group/*',
            'arn:aws:ec2:*::image/*',
          ],
        },
        { Effect: 'Allow', Action: 'sts:DecodeAuthorizationMessage', Resource: '*' },
      ),
    ])
    const run = (type: 't3.medium' | 'm5.xlarge') =>
      server.ec2(small).send(
        new RunInstancesCommand({
          ImageId: rhcosImage(),
          InstanceType: type,
          MinCount: 1,
          MaxCount: 1,
          SubnetId: net.subnetId,
        }),
      )
    assert.equal((await run('t3.medium')).Instances![0]!.InstanceType, 't3.medium')
    let encoded = ''
    await assert.rejects(run('m5.xlarge'), (error: Error) => {
      encoded = error.message.slice(error.message.indexOf('Encoded authorization failure message: ') + 39)
      return error.name === 'UnauthorizedOperation'
    })
    const decoded = await stsClient(server.url, small, server.clock.offsetMs).send(
      new DecodeAuthorizationMessageCommand({ EncodedMessage: encoded }),
    )
    const details = JSON.parse(decoded.DecodedMessage!) as {
      context: {
        action: string
        conditions: { items: { key: string; values: { items: { value: string }[] } }[] }
      }
    }
    assert.equal(details.context.action, 'ec2:RunInstances')
    const type = details.context.conditions.items.find((i) => i.key.toLowerCase() === 'ec2:instancetype')
    assert.equal(type?.values.items[0]?.value, 'm5.xlarge')
  })
})
