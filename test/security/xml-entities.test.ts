import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import { after, before, describe, it } from 'node:test'
import { CreateBucketCommand, GetBucketTaggingCommand, S3Client } from '@aws-sdk/client-s3'
import { startTestServer, type TestServer } from '../e2e/start.js'
import { sendRaw, signRaw } from './raw.js'

/** The "billion laughs": ten levels of ten references, a gigabyte of text if expanded. */
const BILLION_LAUGHS = [
  '<?xml version="1.0"?>',
  '<!DOCTYPE Tagging [',
  '<!ENTITY lol0 "lol">',
  ...Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i};`.repeat(10)}">`),
  ']>',
  '<Tagging><TagSet><Tag><Key>k</Key><Value>&lol9;</Value></Tag></TagSet></Tagging>',
].join('\n')

/** An external entity that would read a local file if resolved. */
const EXTERNAL_ENTITY = [
  '<?xml version="1.0"?>',
  '<!DOCTYPE Tagging [<!ENTITY leak SYSTEM "file:///etc/passwd">]>',
  '<Tagging><TagSet><Tag><Key>k</Key><Value>&leak;</Value></Tag></TagSet></Tagging>',
].join('\n')

describe('security: XML entity expansion in request bodies (S3 PutBucketTagging)', () => {
  let server: TestServer
  before(async () => {
    server = await startTestServer({ LANYARD_LOG_LEVEL: 'silent' })
    await new S3Client({
      endpoint: server.url,
      region: 'us-east-1',
      credentials: server.credentials,
      forcePathStyle: true,
    }).send(new CreateBucketCommand({ Bucket: 'entities' }))
  })
  after(() => server.stop())

  for (const [name, body] of [
    ['the billion laughs', BILLION_LAUGHS],
    ['an external (file) entity', EXTERNAL_ENTITY],
  ] as const)
    it(`${name} is refused as MalformedXML at once, and nothing is stored`, async () => {
      const request = await signRaw({
        url: server.url,
        credentials: server.credentials,
        service: 's3',
        method: 'PUT',
        path: '/entities',
        query: { tagging: '' },
        headers: {
          'content-type': 'application/xml',
          'x-amz-content-sha256': createHash('sha256').update(body).digest('hex'),
        },
        body,
      })
      const started = performance.now()
      const answer = await sendRaw(server.url, request)
      assert.ok(performance.now() - started < 2000)
      assert.equal(answer.status, 400)
      assert.match(answer.text, /<Code>MalformedXML<\/Code>/)
      assert.doesNotMatch(answer.text, /lollol|root:/)
      await assert.rejects(
        new S3Client({
          endpoint: server.url,
          region: 'us-east-1',
          credentials: server.credentials,
          forcePathStyle: true,
          maxAttempts: 1,
        }).send(new GetBucketTaggingCommand({ Bucket: 'entities' })),
        { name: 'NoSuchTagSet' },
      )
    })
})
