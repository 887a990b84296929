import fc from 'fast-check'
import { signForm } from '../sign.js'
import type { TestServer } from '../start.js'
import { formBody, READ_ONLY_ACTIONS } from './form-bodies.js'
import { type Mutation, mutate, mutation } from './mutations.js'
import type { Expectation } from './oracle.js'
import type { FuzzRequest } from './send.js'

/** One fuzz case: what to sign, how, and what to break afterwards. */
export interface Plan {
  readonly service: string
  readonly region: string
  readonly body: { readonly action: string; readonly text: string }
  readonly signing: 'valid' | 'wrong-secret' | 'unknown-key' | 'unsigned' | 'stale-date'
  readonly mutation: Mutation
}

/** Fuzz cases, biased towards validly signed requests so that mutations reach the deeper steps. */
export const plan: fc.Arbitrary<Plan> = fc.record({
  service: fc.constantFrom('sts', 'sts', 'iam', 'iam', 'cloudtrail', 's3', 'nosuch', ''),
  region: fc.constantFrom('us-east-1', 'eu-west-1', ''),
  body: formBody,
  signing: fc.constantFrom(
    'valid',
    'valid',
    'valid',
    'wrong-secret',
    'unknown-key',
    'unsigned',
    'stale-date',
  ),
  mutation,
})

/** The request a plan sends, and the answers it allows. */
export async function build(
  server: TestServer,
  p: Plan,
): Promise<{ request: FuzzRequest; expect: Expectation }> {
  const body = new TextEncoder().encode(p.body.text)
  const mayPass =
    p.signing === 'valid' &&
    (READ_ONLY_ACTIONS as readonly string[]).includes(p.body.action) &&
    !p.body.text.includes('Action=FuzzDuplicate')
  if (p.signing === 'unsigned') {
    const request = {
      method: 'POST',
      path: '/',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body,
    }
    return { request: mutate(request, p.mutation), expect: {} }
  }
  const credentials =
    p.signing === 'wrong-secret'
      ? { ...server.credentials, secretAccessKey: 'not-the-secret' }
      : p.signing === 'unknown-key'
        ? { accessKeyId: 'AKIAFUZZFUZZFUZZFUZZ', secretAccessKey: 'x' }
        : server.credentials
  const signed = await signForm({
    url: server.url,
    credentials,
    service: p.service,
    region: p.region,
    body: p.body.text,
    ...(p.signing === 'stale-date' ? { signingDate: new Date(Date.now() - 3_600_000) } : {}),
  })
  const request: FuzzRequest = { method: signed.method, path: signed.path, headers: signed.headers, body }
  return { request: mutate(request, p.mutation), expect: mayPass ? { mayPassAs: p.body.action } : {} }
}
