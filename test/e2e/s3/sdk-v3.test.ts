import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import {
  CopyObjectCommand,
  CreateBucketCommand,
  DeleteBucketCommand,
  DeleteObjectCommand,
  DeleteObjectsCommand,
  GetBucketLocationCommand,
  GetObjectCommand,
  GetObjectTaggingCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListBucketsCommand,
  ListObjectsCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  PutObjectTaggingCommand,
  type S3Client,
} from '@aws-sdk/client-s3'
import { startTestServer, type TestServer } from '../start.js'
import { bucketName, s3Client } from './s3-fixtures.js'

for (const style of ['path', 'virtual'] as const) {
  describe(`S3 buckets and objects with the SDK v3 (${style} style)`, () => {
    let server: TestServer
    let s3: S3Client
    before(async () => {
      server = await startTestServer()
      s3 = s3Client(server.url, server.credentials, style)
    })
    after(() => server.stop())

    it('creates, heads, lists, locates and deletes a bucket', async () => {
      const name = bucketName('basic')
      await s3.send(new CreateBucketCommand({ Bucket: name }))
      await s3.send(new HeadBucketCommand({ Bucket: name }))
      const listed = await s3.send(new ListBucketsCommand({}))
      assert.ok(listed.Buckets?.some((b) => b.Name === name && b.CreationDate instanceof Date))
      assert.equal(listed.Owner?.ID?.length, 64)
      const location = await s3.send(new GetBucketLocationCommand({ Bucket: name }))
      assert.equal(location.LocationConstraint, undefined)
      await s3.send(new DeleteBucketCommand({ Bucket: name }))
      await assert.rejects(s3.send(new HeadBucketCommand({ Bucket: name })), { name: 'NotFound' })
      await assert.rejects(s3.send(new DeleteBucketCommand({ Bucket: name })), {
        name: 'NoSuchBucket',
        message: 'The specified bucket does not exist',
      })
    })

    it('puts and gets objects with metadata, ranges, tags, and lists them', async () => {
      const name = bucketName('objects')
      await s3.send(new CreateBucketCommand({ Bucket: name }))
      const put = await s3.send(
        new PutObjectCommand({
          Bucket: name,
          Key: 'dir/hello world+.txt',
          Body: 'hello, world',
          ContentType: 'text/plain',
          Metadata: { owner: 'alice' },
          Tagging: 'env=dev&team=a%20b',
        }),
      )
      assert.equal(put.ETag, '"e4d7f1b4ed2e42d15898f4b27b019da4"')
      const got = await s3.send(new GetObjectCommand({ Bucket: name, Key: 'dir/hello world+.txt' }))
      assert.equal(await got.Body?.transformToString(), 'hello, world')
      assert.equal(got.ContentType, 'text/plain')
      assert.deepEqual(got.Metadata, { owner: 'alice' })
      assert.equal(got.ETag, put.ETag)
      assert.equal(got.TagCount, 2)
      assert.ok(got.LastModified instanceof Date)
      const range = await s3.send(
        new GetObjectCommand({ Bucket: name, Key: 'dir/hello world+.txt', Range: 'bytes=7-' }),
      )
      assert.equal(await range.Body?.transformToString(), 'world')
      assert.equal(range.ContentRange, 'bytes 7-11/12')
      assert.equal(range.$metadata.httpStatusCode, 206)
      await assert.rejects(
        s3.send(new GetObjectCommand({ Bucket: name, Key: 'dir/hello world+.txt', Range: 'bytes=20-' })),
        { name: 'InvalidRange' },
      )
      const status = (code: number) => (error: { $metadata?: { httpStatusCode?: number } }) =>
        error.$metadata?.httpStatusCode === code
      await assert.rejects(
        s3.send(new GetObjectCommand({ Bucket: name, Key: 'dir/hello world+.txt', IfNoneMatch: put.ETag })),
        status(304),
      )
      await assert.rejects(
        s3.send(new GetObjectCommand({ Bucket: name, Key: 'dir/hello world+.txt', IfMatch: '"0000"' })),
        status(412),
      )
      const matched = await s3.send(
        new GetObjectCommand({ Bucket: name, Key: 'dir/hello world+.txt', IfMatch: put.ETag }),
      )
      assert.equal(await matched.Body?.transformToString(), 'hello, world')
      const head = await s3.send(new HeadObjectCommand({ Bucket: name, Key: 'dir/hello world+.txt' }))
      assert.equal(head.ContentLength, 12)
      const tags = await s3.send(new GetObjectTaggingCommand({ Bucket: name, Key: 'dir/hello world+.txt' }))
      assert.deepEqual(tags.TagSet, [
        { Key: 'env', Value: 'dev' },
        { Key: 'team', Value: 'a b' },
      ])
      await s3.send(
        new PutObjectTaggingCommand({
          Bucket: name,
          Key: 'dir/hello world+.txt',
          Tagging: { TagSet: [{ Key: 'x', Value: 'y' }] },
        }),
      )
      const retagged = await s3.send(
        new GetObjectTaggingCommand({ Bucket: name, Key: 'dir/hello world+.txt' }),
      )
      assert.deepEqual(retagged.TagSet, [{ Key: 'x', Value: 'y' }])
      await assert.rejects(s3.send(new GetObjectCommand({ Bucket: name, Key: 'missing' })), {
        name: 'NoSuchKey',
        message: 'The specified key does not exist.',
      })
      await assert.rejects(s3.send(new HeadObjectCommand({ Bucket: name, Key: 'missing' })), {
        name: 'NotFound',
      })

      for (const key of ['a/1', 'a/2', 'b/1', 'c'])
        await s3.send(new PutObjectCommand({ Bucket: name, Key: key, Body: key }))
      const all = await s3.send(new ListObjectsV2Command({ Bucket: name }))
      assert.deepEqual(
        all.Contents?.map((o) => o.Key),
        ['a/1', 'a/2', 'b/1', 'c', 'dir/hello world+.txt'],
      )
      assert.equal(all.KeyCount, 5)
      const grouped = await s3.send(new ListObjectsV2Command({ Bucket: name, Delimiter: '/' }))
      assert.deepEqual(
        grouped.CommonPrefixes?.map((p) => p.Prefix),
        ['a/', 'b/', 'dir/'],
      )
      assert.deepEqual(
        grouped.Contents?.map((o) => o.Key),
        ['c'],
      )
      const first = await s3.send(new ListObjectsV2Command({ Bucket: name, Delimiter: '/', MaxKeys: 2 }))
      assert.equal(first.IsTruncated, true)
      assert.deepEqual(
        first.CommonPrefixes?.map((p) => p.Prefix),
        ['a/', 'b/'],
      )
      const second = await s3.send(
        new ListObjectsV2Command({
          Bucket: name,
          Delimiter: '/',
          MaxKeys: 2,
          ContinuationToken: first.NextContinuationToken,
        }),
      )
      assert.equal(second.IsTruncated, false)
      assert.deepEqual(
        [...(second.Contents ?? []).map((o) => o.Key), ...(second.CommonPrefixes ?? []).map((p) => p.Prefix)],
        ['c', 'dir/'],
      )
      const prefixed = await s3.send(
        new ListObjectsV2Command({ Bucket: name, Prefix: 'a/', StartAfter: 'a/1' }),
      )
      assert.deepEqual(
        prefixed.Contents?.map((o) => o.Key),
        ['a/2'],
      )
      const v1 = await s3.send(new ListObjectsCommand({ Bucket: name, Delimiter: '/', MaxKeys: 1 }))
      assert.equal(v1.IsTruncated, true)
      assert.equal(v1.NextMarker, 'a/')
      const v1next = await s3.send(
        new ListObjectsCommand({ Bucket: name, Delimiter: '/', Marker: v1.NextMarker }),
      )
      assert.deepEqual(
        v1next.CommonPrefixes?.map((p) => p.Prefix),
        ['b/', 'dir/'],
      )

      const copied = await s3.send(
        new CopyObjectCommand({ Bucket: name, Key: 'copy', CopySource: `${name}/dir/hello%20world%2B.txt` }),
      )
      assert.equal(copied.CopyObjectResult?.ETag, put.ETag)
      const copy = await s3.send(new GetObjectCommand({ Bucket: name, Key: 'copy' }))
      assert.deepEqual(copy.Metadata, { owner: 'alice' })

      await assert.rejects(s3.send(new DeleteBucketCommand({ Bucket: name })), {
        name: 'BucketNotEmpty',
        message: 'The bucket you tried to delete is not empty',
      })
      await s3.send(new DeleteObjectCommand({ Bucket: name, Key: 'c' }))
      const removed = await s3.send(
        new DeleteObjectsCommand({
          Bucket: name,
          Delete: { Objects: ['a/1', 'a/2', 'b/1', 'copy', 'dir/hello world+.txt'].map((Key) => ({ Key })) },
        }),
      )
      assert.equal(removed.Deleted?.length, 5)
      await s3.send(new DeleteBucketCommand({ Bucket: name }))
    })
  })
}
