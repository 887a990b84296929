import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Clock } from '../../../../kernel/clock.js'
import type { RandomBytes } from '../../../../kernel/ids.js'
import type { Store } from '../../../../store/index.js'
import type { PolicyLoader } from '../../../iam/index.js'
import type { SealingKeyRing } from '../../../sts/index.js'
import type { InstanceRecord } from '../instance-shape.js'
import { stateAt } from '../instance-shape.js'
import type { InstanceAttributes } from '../records.js'
import { MAX_TOKEN_SECONDS, MetadataTokens } from './metadata-token.js'
import { instanceMetadata } from './metadata-tree.js'

/** Where the per-instance metadata endpoints live: `/_lanyard/imds/<instance-id>/latest/…`. */
export const IMDS_PREFIX = '/_lanyard/imds/'

/** What the metadata endpoint needs from the server. */
export interface MetadataEnv {
  readonly store: Store
  readonly clock: Clock
  readonly random: RandomBytes
  readonly loader: PolicyLoader
  readonly ring: SealingKeyRing
}

const TTL_HEADER = 'x-aws-ec2-metadata-token-ttl-seconds'
const TOKEN_HEADER = 'x-aws-ec2-metadata-token'

function answer(response: ServerResponse, status: number, body: string, type = 'text/plain'): void {
  response.writeHead(status, { 'content-type': type, 'content-length': String(Buffer.byteLength(body)) })
  response.end(body)
}

/**
 * The instance metadata service of every instance, IMDSv2 only (Lanyard launches instances with
 * HttpTokens=required): `PUT …/latest/api/token` with X-aws-ec2-metadata-token-ttl-seconds gives a token;
 * `GET …/latest/meta-data/…` with X-aws-ec2-metadata-token answers the instance's metadata, including its
 * role's temporary credentials under `iam/security-credentials/<role>`.
 */
export function instanceMetadataRoute(
  env: MetadataEnv,
): (request: IncomingMessage, response: ServerResponse) => Promise<void> {
  const tokens = new MetadataTokens(env.store, env.random)
  return async (request, response) => {
    const url = request.url ?? '/'
    // Registered as `/_lanyard/*`: the paths below /_lanyard/ that are not the metadata service have nothing.
    if (!url.startsWith(IMDS_PREFIX)) return answer(response, 404, 'Not Found')
    const path = decodeURI(url.split('?')[0]!).slice(IMDS_PREFIX.length)
    const [instanceId = '', ...rest] = path.split('/')
    const now = env.clock.now()
    const record = await findInstance(env.store, instanceId)
    if (record === undefined || stateAt(record, now).name !== 'running')
      return answer(response, 404, 'Not Found')
    const rel = `/${rest.join('/')}`
    if (rel === '/latest/api/token') {
      if (request.method !== 'PUT') return answer(response, 405, 'Method Not Allowed')
      const ttl = Number(request.headers[TTL_HEADER])
      if (!Number.isInteger(ttl) || ttl < 1 || ttl > MAX_TOKEN_SECONDS)
        return answer(response, 400, 'Bad Request')
      const token = await tokens.mint(instanceId, now, ttl)
      response.setHeader(TTL_HEADER, String(ttl))
      return answer(response, 200, token)
    }
    if (request.method !== 'GET' && request.method !== 'HEAD')
      return answer(response, 405, 'Method Not Allowed')
    const token = request.headers[TOKEN_HEADER]
    if (typeof token !== 'string' || !(await tokens.verify(instanceId, token, now)))
      return answer(response, 401, 'Unauthorized')
    const found = await instanceMetadata(Object.assign({}, env, { now }), record, rel)
    if (found === undefined) return answer(response, 404, 'Not Found')
    return answer(response, 200, found.body, found.json ? 'application/json' : 'text/plain')
  }
}

/** Finds an instance by id in any account and region (the path names neither; instance ids are unique). */
async function findInstance(store: Store, instanceId: string): Promise<InstanceRecord | undefined> {
  if (!/^i-[0-9a-f]{8}([0-9a-f]{9})?$/.test(instanceId)) return undefined
  for (const account of await store.accounts.list()) {
    const page = await store.cloudResources.list<InstanceAttributes>({
      accountId: account.id,
      service: 'ec2',
      type: 'instance',
      ids: [instanceId],
      limit: 1,
    })
    if (page.items[0] !== undefined) return page.items[0]
  }
  return undefined
}
