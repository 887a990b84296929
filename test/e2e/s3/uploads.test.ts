import assert from 'node:assert/strict'
import { createHash, randomBytes } from 'node:crypto'
import { Readable } from 'node:stream'
import { after, before, describe, it } from 'node:test'
import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateBucketCommand,
  CreateMultipartUploadCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListMultipartUploadsCommand,
  ListPartsCommand,
  PutObjectCommand,
  type S3Client,
  UploadPartCommand,
} from '@aws-sdk/client-s3'
import { startTestServer, type TestServer } from '../start.js'
import { bucketName, s3Client } from './s3-fixtures.js'

const md5 = (bytes: Uint8Array): string => createHash('md5').update(bytes).digest('hex')

describe('S3 uploads: multipart, aws-chunked streams and large objects', () => {
  let server: TestServer
  let s3: S3Client
  let bucket: string
  before(async () => {
    server = await startTestServer()
    s3 = s3Client(server.url, server.credentials)
    bucket = bucketName('uploads')
    await s3.send(new CreateBucketCommand({ Bucket: bucket }))
  })
  after(() => server.stop())

  it('assembles a multipart upload with the -N ETag, lists its parts and uploads, and aborts another', async () => {
    const parts = [randomBytes(5 * 1024 * 1024), randomBytes(1024 * 1024 + 7)]
    const created = await s3.send(
      new CreateMultipartUploadCommand({
        Bucket: bucket,
        Key: 'big/file.bin',
        ContentType: 'application/x-test',
      }),
    )
    const uploadId = created.UploadId!
    const etags: string[] = []
    for (const [i, part] of parts.entries()) {
      const out = await s3.send(
        new UploadPartCommand({
          Bucket: bucket,
          Key: 'big/file.bin',
          UploadId: uploadId,
          PartNumber: i + 1,
          Body: part,
        }),
      )
      assert.equal(out.ETag, `"${md5(part)}"`)
      etags.push(out.ETag!)
    }
    const listedParts = await s3.send(
      new ListPartsCommand({ Bucket: bucket, Key: 'big/file.bin', UploadId: uploadId }),
    )
    assert.deepEqual(
      listedParts.Parts?.map((p) => [p.PartNumber, p.Size]),
      [
        [1, parts[0]!.length],
        [2, parts[1]!.length],
      ],
    )
    const uploads = await s3.send(new ListMultipartUploadsCommand({ Bucket: bucket }))
    assert.deepEqual(
      uploads.Uploads?.map((u) => u.UploadId),
      [uploadId],
    )
    await assert.rejects(
      s3.send(
        new CompleteMultipartUploadCommand({
          Bucket: bucket,
          Key: 'big/file.bin',
          UploadId: uploadId,
          MultipartUpload: {
            Parts: [
              { PartNumber: 2, ETag: etags[1] },
              { PartNumber: 1, ETag: etags[0] },
            ],
          },
        }),
      ),
      { name: 'InvalidPartOrder' },
    )
    const done = await s3.send(
      new CompleteMultipartUploadCommand({
        Bucket: bucket,
        Key: 'big/file.bin',
        UploadId: uploadId,
        MultipartUpload: { Parts: etags.map((ETag, i) => ({ PartNumber: i + 1, ETag })) },
      }),
    )
    const expected = createHash('md5')
      .update(Buffer.concat(parts.map((p) => createHash('md5').update(p).digest())))
      .digest('hex')
    assert.equal(done.ETag, `"${expected}-2"`)
    const got = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'big/file.bin' }))
    const bytes = await got.Body!.transformToByteArray()
    assert.equal(md5(bytes), md5(Buffer.concat(parts)))
    assert.equal(got.ContentType, 'application/x-test')
    await assert.rejects(
      s3.send(new ListPartsCommand({ Bucket: bucket, Key: 'big/file.bin', UploadId: uploadId })),
      { name: 'NoSuchUpload' },
    )

    const small = await s3.send(new CreateMultipartUploadCommand({ Bucket: bucket, Key: 'small' }))
    const one = await s3.send(
      new UploadPartCommand({
        Bucket: bucket,
        Key: 'small',
        UploadId: small.UploadId!,
        PartNumber: 1,
        Body: 'tiny',
      }),
    )
    const two = await s3.send(
      new UploadPartCommand({
        Bucket: bucket,
        Key: 'small',
        UploadId: small.UploadId!,
        PartNumber: 2,
        Body: 'tail',
      }),
    )
    await assert.rejects(
      s3.send(
        new CompleteMultipartUploadCommand({
          Bucket: bucket,
          Key: 'small',
          UploadId: small.UploadId!,
          MultipartUpload: {
            Parts: [
              { PartNumber: 1, ETag: one.ETag },
              { PartNumber: 2, ETag: two.ETag },
            ],
          },
        }),
      ),
      { name: 'EntityTooSmall' },
    )
    await s3.send(
      new AbortMultipartUploadCommand({ Bucket: bucket, Key: 'small', UploadId: small.UploadId! }),
    )
    await assert.rejects(
      s3.send(new AbortMultipartUploadCommand({ Bucket: bucket, Key: 'small', UploadId: small.UploadId! })),
      { name: 'NoSuchUpload' },
    )
    await assert.rejects(s3.send(new HeadObjectCommand({ Bucket: bucket, Key: 'small' })), {
      name: 'NotFound',
    })
  })

  it('stores the decoded payload of an aws-chunked stream upload, 64 MiB included', async () => {
    const payload = randomBytes(64 * 1024 * 1024)
    const sent: Record<string, string>[] = []
    const streaming = s3Client(server.url, server.credentials)
    streaming.middlewareStack.add(
      (next) => async (args) => {
        sent.push({ ...(args.request as { headers: Record<string, string> }).headers })
        return next(args)
      },
      { step: 'finalizeRequest', name: 'captureHeaders', priority: 'low' },
    )
    const put = await streaming.send(
      new PutObjectCommand({
        Bucket: bucket,
        Key: 'stream/64mib',
        Body: Readable.from([payload.subarray(0, 1 << 25), payload.subarray(1 << 25)]),
        ContentLength: payload.length,
      }),
    )
    assert.equal(put.ETag, `"${md5(payload)}"`)
    assert.match(sent[0]?.['content-encoding'] ?? '', /aws-chunked/)
    assert.match(sent[0]?.['x-amz-content-sha256'] ?? '', /^STREAMING-/)
    const head = await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: 'stream/64mib' }))
    assert.equal(head.ContentLength, payload.length)
    assert.equal(head.ContentEncoding, undefined)
    const got = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'stream/64mib' }))
    assert.equal(md5(await got.Body!.transformToByteArray()), md5(payload))
  })
})
