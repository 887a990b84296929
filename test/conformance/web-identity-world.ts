import { readFileSync } from 'node:fs'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type RunningApp, startApp } from '../../src/app.js'
import { fixedClock } from '../../src/kernel/clock.js'
import { resolveConfig } from '../../src/server/index.js'
import { signForm } from '../e2e/sign.js'
import type { Keys } from '../e2e/sts/sts-fixtures.js'
import { LoopbackIssuer } from './web-identity-issuer.js'

/** The account of every role and provider of the world. */
export const ACCOUNT = '000000000000'

/** The instant the server's clock starts at; cases advance it with `advanceClock`. */
export const START = new Date('2026-12-01T00:00:00Z')

/** A started server on a fixed clock, its admin keys, and the loopback issuers the cases name. */
export interface WebIdentityWorld {
  readonly app: RunningApp
  readonly clock: ReturnType<typeof fixedClock>
  readonly admin: Keys
  readonly issuers: ReadonlyMap<string, LoopbackIssuer>
  stop(): Promise<void>
}

/** An HTTP answer: status and body. */
export interface Answer {
  readonly status: number
  readonly body: string
}

/** Sends a query call, signed with `keys` at the server's clock, or unsigned when `keys` is undefined. */
export async function queryCall(
  world: Pick<WebIdentityWorld, 'app' | 'clock'>,
  keys: Keys | undefined,
  service: 'sts' | 'iam',
  params: Readonly<Record<string, string>>,
): Promise<Answer> {
  const version = service === 'sts' ? '2011-06-15' : '2010-05-08'
  const body = new URLSearchParams({ Version: version, ...params }).toString()
  const contentType = 'application/x-www-form-urlencoded; charset=utf-8'
  const headers =
    keys === undefined
      ? { 'content-type': contentType }
      : (
          await signForm({
            url: world.app.url,
            credentials: keys,
            service,
            region: 'us-east-1',
            body,
            signingDate: world.clock.now(),
          })
        ).headers
  const response = await fetch(`${world.app.url}/`, { method: 'POST', headers, body })
  return { status: response.status, body: await response.text() }
}

const policy = (...statements: object[]) => JSON.stringify({ Version: '2012-10-17', Statement: statements })

/** SHA-1 thumbprint of `tls/ca.pem`, the test CA that signs the https issuers' certificate. */
export const TEST_CA_THUMBPRINT = '496791f912da93f9d888404ea16f9f819112975f'

/** Issuers by name: `main` (RS256 `k1`, ES256 `es1`), and one per JWKS behaviour the cases pin. */
async function startIssuers(): Promise<Map<string, LoopbackIssuer>> {
  const issuers = new Map<string, LoopbackIssuer>()
  const main = await new LoopbackIssuer().start()
  await main.addKey('k1', 'RS256')
  await main.addKey('es1', 'ES256')
  await main.addKey('k-unpublished', 'RS256', false)
  issuers.set('main', main)
  // Holds a key named k1 that no registered issuer publishes; it has no IAM provider of its own.
  const rogue = await new LoopbackIssuer().start()
  await rogue.addKey('k1', 'RS256')
  issuers.set('rogue', rogue)
  for (const name of ['rotating', 'ttl', 'broken', 'no-jwks-uri']) {
    const issuer = await new LoopbackIssuer().start()
    await issuer.addKey('k1', 'RS256')
    issuers.set(name, issuer)
  }
  issuers.get('broken')!.discovery = 'error'
  issuers.get('no-jwks-uri')!.discovery = 'no-jwks-uri'
  await issuers.get('rotating')!.addKey('k2', 'RS256', false)
  await issuers.get('rotating')!.addKey('k3', 'RS256', false)
  const localhost = await new LoopbackIssuer().start('localhost')
  await localhost.addKey('k1', 'RS256')
  issuers.set('localhost', localhost)
  // https issuers whose chain (a test CA) no public store trusts: pinned by the CA's thumbprint, or not.
  const tls = {
    key: readFileSync(new URL('./tls/server-key.pem', import.meta.url), 'utf8'),
    cert: ['server.pem', 'ca.pem']
      .map((f) => readFileSync(new URL(`./tls/${f}`, import.meta.url), 'utf8'))
      .join(''),
  }
  for (const name of ['tls-pinned', 'tls-unpinned']) {
    const issuer = await new LoopbackIssuer().start('127.0.0.1', tls)
    await issuer.addKey('k1', 'RS256')
    issuers.set(name, issuer)
  }
  const unreachable = await new LoopbackIssuer().startUnreachable()
  await unreachable.addKey('k1', 'RS256')
  issuers.set('unreachable', unreachable)
  return issuers
}

/** Starts the server on a fixed clock and creates the IAM OIDC providers and roles the cases use. */
export async function buildWorld(): Promise<WebIdentityWorld> {
  const dataDir = await mkdtemp(join(tmpdir(), 'lanyard-web-identity-'))
  const clock = fixedClock(START)
  const app = await startApp(
    resolveConfig({ host: '127.0.0.1', port: 0, dataDir }, { LANYARD_LOG_LEVEL: 'warn' }),
    { clock },
  )
  const text = await readFile(app.credentialsFile, 'utf8')
  const admin = {
    accessKeyId: /aws_access_key_id = (\S+)/.exec(text)![1]!,
    secretAccessKey: /aws_secret_access_key = (\S+)/.exec(text)![1]!,
  }
  const issuers = await startIssuers()
  const world: WebIdentityWorld = {
    app,
    clock,
    admin,
    issuers,
    async stop() {
      await app.stop()
      for (const issuer of issuers.values()) await issuer.stop()
      await rm(dataDir, { recursive: true, force: true })
    },
  }
  await createFixtures(world)
  return world
}

async function iam(world: WebIdentityWorld, params: Record<string, string>): Promise<void> {
  const answer = await queryCall(world, world.admin, 'iam', params)
  if (answer.status !== 200) throw new Error(`${params.Action}: ${answer.body}`)
}

async function createFixtures(world: WebIdentityWorld): Promise<void> {
  const hostOf = (name: string) => world.issuers.get(name)!.url.replace(/^https?:\/\//, '')
  const providerArn = (name: string) => `arn:aws:iam::${ACCOUNT}:oidc-provider/${hostOf(name)}`
  const registered = [
    'main',
    'rotating',
    'ttl',
    'broken',
    'no-jwks-uri',
    'localhost',
    'unreachable',
    'tls-pinned',
    'tls-unpinned',
  ]
  // tls-unpinned's thumbprint names another CA.
  const thumbprints: Record<string, string> = {
    'tls-pinned': TEST_CA_THUMBPRINT,
    'tls-unpinned': '0'.repeat(40),
  }
  for (const name of registered)
    await iam(world, {
      Action: 'CreateOpenIDConnectProvider',
      Url: world.issuers.get(name)!.url,
      'ClientIDList.member.1': 'sts.amazonaws.com',
      'ClientIDList.member.2': 'openshift',
      ...(thumbprints[name] ? { 'ThumbprintList.member.1': thumbprints[name] } : {}),
    })
  const host = hostOf('main')
  const web = (
    action: string | string[],
    condition?: object,
    federated: string | string[] = providerArn('main'),
  ) =>
    policy({
      Effect: 'Allow',
      Principal: { Federated: federated },
      Action: action,
      ...(condition ? { Condition: condition } : {}),
    })
  const roles: [string, string, object[], Record<string, string>?][] = [
    [
      'web',
      web('sts:AssumeRoleWithWebIdentity', undefined, registered.map(providerArn)),
      [
        { Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' },
        {
          Effect: 'Allow',
          Action: 'iam:GetRole',
          Resource: '*',
          Condition: { StringEquals: { [`${host}:sub`]: 'reader' } },
        },
        {
          Effect: 'Allow',
          Action: 'iam:ListRoles',
          Resource: '*',
          Condition: { StringEquals: { [`${host}:aud`]: 'openshift' } },
        },
        {
          Effect: 'Allow',
          Action: 'iam:ListUsers',
          Resource: '*',
          Condition: { 'ForAnyValue:StringEquals': { [`${host}:amr`]: 'mfa' } },
        },
        {
          Effect: 'Allow',
          Action: 'iam:ListPolicies',
          Resource: '*',
          Condition: { StringEquals: { 'aws:FederatedProvider': providerArn('main') } },
        },
      ],
      { MaxSessionDuration: '7200' },
    ],
    [
      'web-sub',
      web('sts:AssumeRoleWithWebIdentity', {
        StringEquals: { [`${host}:sub`]: 'system:serviceaccount:ns:sa' },
      }),
      [],
    ],
    ['web-aud', web('sts:AssumeRoleWithWebIdentity', { StringEquals: { [`${host}:aud`]: 'openshift' } }), []],
    [
      'web-tags',
      web(['sts:AssumeRoleWithWebIdentity', 'sts:TagSession', 'sts:SetSourceIdentity']),
      [
        {
          Effect: 'Allow',
          Action: 'iam:GetRole',
          Resource: '*',
          Condition: { StringEquals: { 'aws:PrincipalTag/team': 'blue' } },
        },
      ],
    ],
    ['web-path', web('sts:AssumeRoleWithWebIdentity'), [], { Path: '/team/' }],
    [
      'chain-target',
      policy({
        Effect: 'Allow',
        Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` },
        Action: 'sts:AssumeRole',
      }),
      [],
      { MaxSessionDuration: '7200' },
    ],
  ]
  for (const [name, trust, statements, extra] of roles) {
    await iam(world, {
      Action: 'CreateRole',
      RoleName: name,
      AssumeRolePolicyDocument: trust,
      ...(extra ?? {}),
    })
    for (const [i, statement] of statements.entries())
      await iam(world, {
        Action: 'PutRolePolicy',
        RoleName: name,
        PolicyName: `p${i}`,
        PolicyDocument: policy(statement),
      })
  }
}
