import assert from 'node:assert/strict'
import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { Readable } from 'node:stream'
import { after, before, describe, it } from 'node:test'
import { IAMClient, ListUsersCommand } from '@aws-sdk/client-iam'
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3'
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts'
import {
  checkChecksums,
  decodeAwsChunked,
  parseSigV4,
  type ReceivedRequest,
  type VerifyResult,
  verifySigV4,
} from '../../src/sigv4/index.js'
import { CREDENTIALS } from './smithy.js'

const STS_ANSWER =
  '<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><GetCallerIdentityResult><Arn>arn:aws:iam::000000000000:user/admin</Arn><UserId>AIDAEXAMPLE</UserId><Account>000000000000</Account></GetCallerIdentityResult><ResponseMetadata><RequestId>1</RequestId></ResponseMetadata></GetCallerIdentityResponse>'
const IAM_ANSWER =
  '<ListUsersResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><ListUsersResult><Users/><IsTruncated>false</IsTruncated></ListUsersResult><ResponseMetadata><RequestId>1</RequestId></ResponseMetadata></ListUsersResponse>'

/** What the server received, in the shape verification takes. */
async function capture(req: IncomingMessage): Promise<ReceivedRequest> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  const url = req.url ?? '/'
  const q = url.indexOf('?')
  const headers: Record<string, string | string[]> = {}
  for (const [name, values] of Object.entries(req.headersDistinct)) {
    if (values !== undefined) headers[name] = values.length === 1 ? values[0]! : values
  }
  return {
    method: req.method ?? 'GET',
    path: q < 0 ? url : url.slice(0, q),
    query: q < 0 ? '' : url.slice(q + 1),
    headers,
    body: new Uint8Array(Buffer.concat(chunks)),
  }
}

let server: Server
let endpoint = ''
const received: ReceivedRequest[] = []

function verify(request: ReceivedRequest): VerifyResult {
  const parsed = parseSigV4(request)
  if (!parsed.ok) return parsed
  return verifySigV4(request, parsed, CREDENTIALS.secretAccessKey, new Date())
}

describe('sigv4 against the AWS SDK v3 clients, over HTTP', () => {
  before(async () => {
    server = createServer(async (req, res) => {
      const request = await capture(req)
      received.push(request)
      const text = new TextDecoder().decode(request.body)
      res.setHeader('content-type', 'text/xml')
      if (text.includes('Action=GetCallerIdentity')) res.end(STS_ANSWER)
      else if (text.includes('Action=ListUsers')) res.end(IAM_ANSWER)
      else {
        res.setHeader('etag', '"d41d8cd98f00b204e9800998ecf8427e"')
        res.end()
      }
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  after(() => new Promise<void>((resolve) => server.close(() => resolve())))

  const config = () => ({ region: 'us-east-1', endpoint, credentials: CREDENTIALS, maxAttempts: 1 })

  it('STS GetCallerIdentity verifies; its body changed does not', async () => {
    received.length = 0
    await new STSClient(config()).send(new GetCallerIdentityCommand({}))
    const request = received[0]!
    assert.ok(verify(request).ok, JSON.stringify(verify(request)))
    const altered = {
      ...request,
      body: new TextEncoder().encode('Action=GetSessionToken&Version=2011-06-15'),
    }
    assert.equal(verify(altered).ok, false)
  })

  it('IAM ListUsers with a path prefix verifies; with a session token too', async () => {
    received.length = 0
    await new IAMClient({
      ...config(),
      credentials: { ...CREDENTIALS, sessionToken: 'IQoJb3JpZ2luX2VjEXAMPLE==' },
    }).send(new ListUsersCommand({ PathPrefix: '/team a/+b/' }))
    const result = verify(received[0]!)
    assert.ok(result.ok, JSON.stringify(result))
    assert.equal(result.securityToken, 'IQoJb3JpZ2luX2VjEXAMPLE==')
  })

  it('S3 PutObject of a key with spaces and unicode verifies, and its checksum header matches', async () => {
    received.length = 0
    const client = new S3Client({ ...config(), forcePathStyle: true })
    await client.send(
      new PutObjectCommand({ Bucket: 'bucket', Key: 'dir/my file ü€.txt', Body: 'hello, world' }),
    )
    const request = received[0]!
    const result = verify(request)
    assert.ok(result.ok, JSON.stringify(result))
    const checksums = Object.fromEntries(Object.entries(request.headers).map(([k, v]) => [k, String(v)]))
    const payload = result.chunked
      ? decodeAwsChunked(request.body, result.chunked)
      : { ok: true as const, payload: request.body, trailers: {} }
    assert.ok(payload.ok, JSON.stringify(payload))
    assert.equal(new TextDecoder().decode(payload.payload), 'hello, world')
    assert.equal(checkChecksums(payload.payload, { ...checksums, ...payload.trailers }), undefined)
    assert.equal(verify({ ...request, path: request.path.replace('my', 'My') }).ok, false)
  })

  it('S3 user metadata beyond ASCII: sent as UTF-8 bytes, read by Node as Latin-1, signed as UTF-8', async () => {
    received.length = 0
    const client = new S3Client({ ...config(), forcePathStyle: true })
    await client.send(
      new PutObjectCommand({ Bucket: 'bucket', Key: 'k', Body: 'x', Metadata: { note: 'café  crème' } }),
    )
    const request = received[0]!
    assert.equal(request.headers['x-amz-meta-note'], Buffer.from('café  crème').toString('latin1'))
    const result = verify(request)
    assert.ok(result.ok, JSON.stringify(result))
  })

  it('S3 PutObject of a stream: an aws-chunked body with a checksum trailer', async () => {
    received.length = 0
    const client = new S3Client({ ...config(), forcePathStyle: true })
    const data = Buffer.alloc(100_000, 'z')
    await client.send(
      new PutObjectCommand({
        Bucket: 'bucket',
        Key: 'stream',
        Body: Readable.from([data]),
        ContentLength: data.length,
      }),
    )
    const request = received[0]!
    const result = verify(request)
    assert.ok(result.ok, JSON.stringify(result))
    assert.ok(result.chunked, `expected aws-chunked, got ${result.payloadHash}`)
    const decoded = decodeAwsChunked(request.body, {
      ...result.chunked,
      decodedContentLength: Number(request.headers['x-amz-decoded-content-length']),
      trailerNames: String(request.headers['x-amz-trailer'] ?? '').split(','),
    })
    assert.ok(decoded.ok, JSON.stringify(decoded))
    assert.deepEqual(Buffer.from(decoded.payload), data)
    assert.ok(Object.keys(decoded.trailers).some((name) => name.startsWith('x-amz-checksum-')))
    assert.equal(checkChecksums(decoded.payload, decoded.trailers), undefined)
    const forged = Object.fromEntries(Object.keys(decoded.trailers).map((k) => [k, 'AAAAAA==']))
    assert.equal(checkChecksums(decoded.payload, forged)?.code, 'BadDigest')
  })
})
