import assert from 'node:assert/strict'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { fileURLToPath } from 'node:url'
import type { Keys } from '../e2e/sts/sts-fixtures.js'
import { type MintedToken, mintToken, type TokenSpec } from './web-identity-token.js'
import { ACCOUNT, type Answer, buildWorld, queryCall, type WebIdentityWorld } from './web-identity-world.js'

/** What an answer must be: HTTP status, and an error's code and exact message or texts a success contains. */
interface Expectation {
  readonly status: number
  readonly code?: string
  readonly message?: string
  readonly contains?: readonly string[]
  /** Texts the body must not contain (members AWS omits). */
  readonly absent?: readonly string[]
  /** How many times each named issuer's key set has been fetched so far (cached or refetched). */
  readonly keySetFetches?: Readonly<Record<string, number>>
}

/** A change to the world before a case's call. */
interface SetupStep {
  /** `issuer/kid`: adds a created key to the issuer's published set. */
  readonly publish?: string
  /** `issuer/kid`: replaces the key's material under the same kid (published). */
  readonly rekey?: string
  /** Moves the server's clock forward by this many seconds. */
  readonly advanceClock?: number
  /** Assumes role `web` with this token first; it must succeed (fills the issuer's key cache). */
  readonly warm?: TokenSpec
}

/** A signed follow-up call made with the credentials the case's call returned. */
interface FollowUp {
  readonly service?: 'sts' | 'iam'
  readonly params: Readonly<Record<string, string>>
  readonly expect: Expectation
}

/** One web-identity rule: the token as data, the call's parameters, AWS's answer. */
interface WebIdentityCase {
  readonly name: string
  readonly setup?: readonly SetupStep[]
  readonly token?: TokenSpec
  /** `AssumeRoleWithWebIdentity` params; `WebIdentityToken` is the minted token unless given. */
  readonly params: Readonly<Record<string, string>>
  readonly expect: Expectation
  readonly then?: FollowUp
  readonly skip?: string
}

const DIR = fileURLToPath(new URL('./sts/', import.meta.url))
const FILES = readdirSync(DIR)
  .filter((f) => f.startsWith('web-identity') && f.endsWith('.json'))
  .sort()
const unescapeXml = (text: string) =>
  text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&')
const element = (body: string, name: string) => new RegExp(`<${name}>([^<]*)</${name}>`).exec(body)?.[1]

/**
 * Replaces `{issuer}`, `{host}`, `{issuer:NAME}`, `{host:NAME}`, `{port:NAME}`, `{account}`, `{now}` (epoch seconds),
 * `{expires:N}` (now + N seconds, ISO 8601 to the second), `{iss}` and `{exp}` (of the case's token).
 */
function expander(world: WebIdentityWorld, token?: MintedToken): (text: string) => string {
  const url = (name: string) => {
    const issuer = world.issuers.get(name)
    if (issuer === undefined) throw new Error(`unknown issuer ${name}`)
    return issuer.url
  }
  return (text) =>
    text
      .replace(/\{issuer(?::([\w-]+))?\}/g, (_, name?: string) => url(name ?? 'main'))
      .replace(/\{host(?::([\w-]+))?\}/g, (_, name?: string) =>
        url(name ?? 'main').replace(/^https?:\/\//, ''),
      )
      .replace(/\{port:([\w-]+)\}/g, (_, name: string) => new URL(url(name)).port)
      .replace(/\{account\}/g, ACCOUNT)
      .replace(/\{now\}/g, String(Math.floor(world.clock.now().getTime() / 1000)))
      .replace(/\{expires:(\d+)\}/g, (_, seconds: string) =>
        new Date(world.clock.now().getTime() + Number(seconds) * 1000).toISOString().slice(0, 19),
      )
      .replace(/\{iss\}/g, token?.iss ?? '')
      .replace(/\{exp\}/g, String(token?.exp ?? ''))
}

function check(
  world: WebIdentityWorld,
  answer: Answer,
  expected: Expectation,
  expand: (text: string) => string,
): void {
  assert.equal(answer.status, expected.status, answer.body)
  if (expected.code !== undefined) assert.equal(element(answer.body, 'Code'), expected.code, answer.body)
  if (expected.message !== undefined)
    assert.equal(unescapeXml(element(answer.body, 'Message') ?? ''), expand(expected.message), answer.body)
  for (const text of expected.contains ?? [])
    assert.ok(answer.body.includes(expand(text)), `${expand(text)} not in ${answer.body}`)
  for (const text of expected.absent ?? [])
    assert.ok(!answer.body.includes(expand(text)), `${expand(text)} in ${answer.body}`)
  for (const [name, count] of Object.entries(expected.keySetFetches ?? {}))
    assert.equal(world.issuers.get(name)?.keySetFetches, count, `key set fetches of issuer ${name}`)
}

const nowSeconds = (world: WebIdentityWorld) => Math.floor(world.clock.now().getTime() / 1000)

async function assumeWithToken(
  world: WebIdentityWorld,
  spec: TokenSpec | undefined,
  params: Readonly<Record<string, string>>,
): Promise<{ answer: Answer; token?: MintedToken }> {
  const token =
    spec === undefined ? undefined : await mintToken(spec, world.issuers, nowSeconds(world), expander(world))
  const expand = expander(world, token)
  const wire = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, expand(v)]))
  const answer = await queryCall(world, undefined, 'sts', {
    Action: 'AssumeRoleWithWebIdentity',
    ...(token !== undefined ? { WebIdentityToken: token.token } : {}),
    ...wire,
  })
  return { answer, ...(token !== undefined ? { token } : {}) }
}

async function applySetup(world: WebIdentityWorld, step: SetupStep): Promise<void> {
  const target = (path: string) => {
    const [name, kid] = path.split('/') as [string, string]
    const issuer = world.issuers.get(name)
    if (issuer === undefined) throw new Error(`unknown issuer ${name}`)
    return { issuer, kid }
  }
  if (step.publish !== undefined) {
    const { issuer, kid } = target(step.publish)
    issuer.publish(kid)
  }
  if (step.rekey !== undefined) {
    const { issuer, kid } = target(step.rekey)
    await issuer.addKey(kid, issuer.keys.get(kid)?.alg ?? 'RS256')
  }
  if (step.advanceClock !== undefined) world.clock.advance(step.advanceClock * 1000)
  if (step.warm !== undefined) {
    const params = { RoleArn: `arn:aws:iam::${ACCOUNT}:role/web`, RoleSessionName: 'warm' }
    const { answer } = await assumeWithToken(world, step.warm, params)
    assert.equal(answer.status, 200, `warm-up call: ${answer.body}`)
  }
}

const credentialsOf = (body: string): Keys => ({
  accessKeyId: element(body, 'AccessKeyId')!,
  secretAccessKey: element(body, 'SecretAccessKey')!,
  sessionToken: element(body, 'SessionToken')!,
})

describe('conformance: AssumeRoleWithWebIdentity rules as data (test/conformance/sts/web-identity*.json), tokens minted by loopback issuers', () => {
  let world: WebIdentityWorld
  before(async () => {
    world = await buildWorld()
  })
  after(() => world.stop())

  for (const file of FILES) {
    const cases = JSON.parse(readFileSync(join(DIR, file), 'utf8')) as WebIdentityCase[]
    for (const c of cases) {
      it(`${file}: ${c.name}`, { skip: c.skip }, async () => {
        for (const step of c.setup ?? []) await applySetup(world, step)
        const { answer, token } = await assumeWithToken(world, c.token, c.params)
        check(world, answer, c.expect, expander(world, token))
        if (c.then === undefined) return
        assert.equal(answer.status, 200, 'a follow-up call needs credentials')
        const followUp = await queryCall(
          world,
          credentialsOf(answer.body),
          c.then.service ?? 'sts',
          c.then.params,
        )
        check(world, followUp, c.then.expect, expander(world, token))
      })
    }
  }
})
