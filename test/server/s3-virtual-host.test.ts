import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { s3PathStylePath, virtualHostBucket } from '../../src/server/s3-virtual-host.js'

describe('S3 virtual-hosted addressing', () => {
  it('finds the bucket in bucket.localhost, bucket.s3.* and bucket.s3-region.* hosts', () => {
    assert.equal(virtualHostBucket('my-bucket.localhost:4566'), 'my-bucket')
    assert.equal(virtualHostBucket('my.dotted.bucket.localhost'), 'my.dotted.bucket')
    assert.equal(virtualHostBucket('my-bucket.s3.localhost:4566'), 'my-bucket')
    assert.equal(virtualHostBucket('My-Bucket.S3.amazonaws.com'), 'my-bucket')
    assert.equal(virtualHostBucket('logs.s3.eu-west-1.amazonaws.com'), 'logs')
    assert.equal(virtualHostBucket('logs.s3-us-west-2.amazonaws.com.'), 'logs')
    assert.equal(virtualHostBucket('a.s3bucket.s3.localhost'), 'a.s3bucket')
  })

  it('leaves path-style hosts alone: IP addresses, localhost, s3.* and other names', () => {
    for (const host of [
      undefined,
      '',
      '127.0.0.1:4566',
      '[::1]:4566',
      'localhost:4566',
      'localhost',
      's3.localhost:4566',
      's3.amazonaws.com',
      's3-us-west-2.amazonaws.com',
      'lanyard.internal:4566',
    ])
      assert.equal(virtualHostBucket(host), undefined, String(host))
  })

  it('rewrites the path to path style', () => {
    assert.equal(s3PathStylePath('b.localhost:1', '/'), '/b')
    assert.equal(s3PathStylePath('b.localhost:1', '/dir/key%20x'), '/b/dir/key%20x')
    assert.equal(s3PathStylePath('127.0.0.1:1', '/b/key'), '/b/key')
  })
})
