import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import {
  CreateBucketCommand,
  DeleteObjectsCommand,
  GetBucketLocationCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  NoSuchKey,
  PutBucketTaggingCommand,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3'
import { MODELS } from '../../src/models/index.js'
import {
  findRestOperation,
  parseRequest,
  serializeError,
  serializeResponse,
} from '../../src/protocol/index.js'
import { CaptureServer, toWire } from './capture-server.js'

const server = new CaptureServer()
let s3: S3Client

before(async () => {
  s3 = new S3Client({
    endpoint: await server.start(),
    region: 'eu-west-1',
    forcePathStyle: true,
    maxAttempts: 1,
    credentials: { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'secret' },
  })
})
after(async () => {
  s3.destroy()
  await server.stop()
})

/** Routes the captured request, checks the operation found, and parses its input. */
function routedInput(expected: string): Record<string, unknown> {
  const wire = toWire(server.last)
  assert.equal(findRestOperation(MODELS.s3, wire)?.name, expected)
  const result = parseRequest('rest-xml', MODELS.s3, expected, wire)
  assert.ok(result.ok, result.ok ? '' : JSON.stringify(result.error))
  return result.input
}

const withoutMetadata = ({ $metadata: _, ...rest }: { $metadata: unknown }): Record<string, unknown> => rest

describe('SDK v3 S3: requests are routed and parsed back', () => {
  it('PutObject with metadata, tagging and a key that needs encoding', async () => {
    server.next = serializeResponse('rest-xml', MODELS.s3, 'PutObject', { ETag: '"e"' }, 'r')
    const input = {
      Bucket: 'b',
      Key: 'dir/a b+c.txt',
      Body: 'hello',
      ContentType: 'text/plain',
      Metadata: { owner: 'me' },
      Tagging: 'a=b',
    }
    await s3.send(new PutObjectCommand(input))
    const parsed = routedInput('PutObject')
    assert.deepEqual(
      {
        Bucket: parsed.Bucket,
        Key: parsed.Key,
        Body: parsed.Body,
        ContentType: parsed.ContentType,
        Metadata: parsed.Metadata,
        Tagging: parsed.Tagging,
      },
      input,
    )
  })

  it('CreateBucket with a location constraint', async () => {
    server.next = serializeResponse('rest-xml', MODELS.s3, 'CreateBucket', { Location: '/b' }, 'r')
    const input = { Bucket: 'b', CreateBucketConfiguration: { LocationConstraint: 'eu-west-1' as const } }
    await s3.send(new CreateBucketCommand(input))
    assert.deepEqual(routedInput('CreateBucket'), input)
  })

  it('PutBucketTagging', async () => {
    server.next = serializeResponse('rest-xml', MODELS.s3, 'PutBucketTagging', undefined, 'r')
    const input = {
      Bucket: 'b',
      Tagging: {
        TagSet: [
          { Key: 'red-hat', Value: 'true' },
          { Key: 'k', Value: '<&>' },
        ],
      },
    }
    const expected = structuredClone(input) // the SDK adds ChecksumAlgorithm to the input it is given
    await s3.send(new PutBucketTaggingCommand(input))
    const parsed = routedInput('PutBucketTagging')
    assert.deepEqual({ Bucket: parsed.Bucket, Tagging: parsed.Tagging }, expected)
  })

  it('DeleteObjects', async () => {
    server.next = serializeResponse('rest-xml', MODELS.s3, 'DeleteObjects', { Deleted: [{ Key: 'a' }] }, 'r')
    const input = { Bucket: 'b', Delete: { Objects: [{ Key: 'a' }, { Key: 'b/c' }], Quiet: true } }
    const expected = structuredClone(input)
    await s3.send(new DeleteObjectsCommand(input))
    const parsed = routedInput('DeleteObjects')
    assert.deepEqual({ Bucket: parsed.Bucket, Delete: parsed.Delete }, expected)
  })
})

describe('SDK v3 S3: responses are read by the real client', () => {
  it('ListObjectsV2 with contents and common prefixes', async () => {
    const output = {
      IsTruncated: false,
      Contents: [
        {
          Key: 'a',
          LastModified: new Date('2026-11-28T10:00:00Z'),
          ETag: '"e"',
          Size: 5,
          StorageClass: 'STANDARD' as const,
        },
      ],
      Name: 'b',
      Prefix: '',
      Delimiter: '/',
      MaxKeys: 1000,
      CommonPrefixes: [{ Prefix: 'p/' }],
      KeyCount: 2,
    }
    server.next = serializeResponse('rest-xml', MODELS.s3, 'ListObjectsV2', output, 'req-list')
    const result = await s3.send(new ListObjectsV2Command({ Bucket: 'b', Delimiter: '/' }))
    assert.equal(result.$metadata.requestId, 'req-list')
    assert.deepEqual(withoutMetadata(result), output)
  })

  it('GetBucketLocation', async () => {
    server.next = serializeResponse(
      'rest-xml',
      MODELS.s3,
      'GetBucketLocation',
      { LocationConstraint: 'eu-west-1' },
      'r',
    )
    const result = await s3.send(new GetBucketLocationCommand({ Bucket: 'b' }))
    assert.equal(result.LocationConstraint, 'eu-west-1')
  })

  it('HeadObject headers: length, type, date, metadata', async () => {
    const output = {
      LastModified: new Date('2024-01-01T00:00:00Z'),
      ContentLength: 5,
      ETag: '"e"',
      ContentType: 'text/plain',
      Metadata: { owner: 'me' },
    }
    server.next = serializeResponse('rest-xml', MODELS.s3, 'HeadObject', output, 'r')
    const result = await s3.send(new HeadObjectCommand({ Bucket: 'b', Key: 'k' }))
    assert.deepEqual(
      {
        LastModified: result.LastModified,
        ContentLength: result.ContentLength,
        ETag: result.ETag,
        ContentType: result.ContentType,
        Metadata: result.Metadata,
      },
      output,
    )
  })

  it('GetObject streams the payload bytes', async () => {
    const output = { Body: new TextEncoder().encode('hello'), ContentLength: 5, ContentType: 'text/plain' }
    server.next = serializeResponse('rest-xml', MODELS.s3, 'GetObject', output, 'r')
    const result = await s3.send(new GetObjectCommand({ Bucket: 'b', Key: 'k' }))
    assert.equal(await result.Body?.transformToString(), 'hello')
  })

  it('NoSuchKey is raised as the modelled exception', async () => {
    const error = {
      code: 'NoSuchKey',
      status: 404,
      message: 'The specified key does not exist.',
      fields: { Key: 'k' },
    }
    server.next = serializeError('rest-xml', MODELS.s3, error, 'req-err', 'GET')
    await assert.rejects(s3.send(new GetObjectCommand({ Bucket: 'b', Key: 'k' })), (e: unknown) => {
      assert.ok(e instanceof NoSuchKey)
      assert.equal(e.message, 'The specified key does not exist.')
      assert.equal(e.$metadata.requestId, 'req-err')
      return true
    })
  })

  it('AWS: a HEAD error has no body and is known only by its status', async () => {
    server.next = serializeError(
      'rest-xml',
      MODELS.s3,
      { code: 'NoSuchBucket', status: 404, message: 'x' },
      'r',
      'HEAD',
    )
    await assert.rejects(
      s3.send(new HeadBucketCommand({ Bucket: 'b' })),
      (e: Error & { $metadata: { httpStatusCode?: number } }) => {
        assert.equal(e.name, 'NotFound')
        assert.equal(e.$metadata.httpStatusCode, 404)
        return true
      },
    )
  })
})
