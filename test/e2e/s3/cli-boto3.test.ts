import assert from 'node:assert/strict'
import { createHash, randomBytes } from 'node:crypto'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { awsMissing, boto3Missing, type DebianClients, debianClients } from '../debian-clients.js'
import { startTestServer, type TestServer } from '../start.js'

/** boto3: bucket in eu-west-1, put/get with metadata and a range, paginated listing, tags, copy, errors; prints JSON. */
const BOTO3_SCRIPT = `
import json, os
import boto3, botocore, botocore.config
s3 = boto3.Session(region_name="eu-west-1").client("s3", endpoint_url=os.environ["LANYARD_URL"])
def error(call):
    try:
        call()
    except botocore.exceptions.ClientError as e:
        return [e.response["Error"]["Code"], e.response["ResponseMetadata"]["HTTPStatusCode"]]
s3.create_bucket(Bucket="py-bucket", CreateBucketConfiguration={"LocationConstraint": "eu-west-1"})
again = error(lambda: s3.create_bucket(Bucket="py-bucket", CreateBucketConfiguration={"LocationConstraint": "eu-west-1"}))
location = s3.get_bucket_location(Bucket="py-bucket")["LocationConstraint"]
s3.put_object(Bucket="py-bucket", Key="a b/c+d.txt", Body=b"0123456789", Metadata={"k": "v"}, ContentType="text/x")
got = s3.get_object(Bucket="py-bucket", Key="a b/c+d.txt", Range="bytes=2-4")
for i in range(7):
    s3.put_object(Bucket="py-bucket", Key="many/%02d" % i, Body=b"x")
keys = []
for page in s3.get_paginator("list_objects_v2").paginate(Bucket="py-bucket", Prefix="many/", PaginationConfig={"PageSize": 3}):
    keys += [o["Key"] for o in page["Contents"]]
v1 = []
for page in s3.get_paginator("list_objects").paginate(Bucket="py-bucket", PaginationConfig={"PageSize": 2}):
    v1 += [o["Key"] for o in page.get("Contents", [])]
s3.put_bucket_tagging(Bucket="py-bucket", Tagging={"TagSet": [{"Key": "cluster", "Value": "c1"}]})
tags = s3.get_bucket_tagging(Bucket="py-bucket")["TagSet"]
s3.copy_object(Bucket="py-bucket", Key="copied", CopySource={"Bucket": "py-bucket", "Key": "a b/c+d.txt"})
copied = s3.get_object(Bucket="py-bucket", Key="copied")
missing = error(lambda: s3.head_object(Bucket="py-bucket", Key="nope"))
no_bucket = error(lambda: s3.list_objects_v2(Bucket="no-such-bucket-here"))
deleted = s3.delete_objects(Bucket="py-bucket", Delete={"Objects": [{"Key": k} for k in keys]})["Deleted"]
v4 = boto3.Session(region_name="eu-west-1").client("s3", endpoint_url=os.environ["LANYARD_URL"],
                                                   config=botocore.config.Config(signature_version="s3v4"))
url = v4.generate_presigned_url("get_object", Params={"Bucket": "py-bucket", "Key": "copied"}, ExpiresIn=60)
v2url = s3.generate_presigned_url("get_object", Params={"Bucket": "py-bucket", "Key": "copied"}, ExpiresIn=60)
print(json.dumps({"again": again, "location": location, "range": got["Body"].read().decode(),
                  "contentRange": got["ContentRange"], "meta": got["Metadata"], "keys": keys, "v1": v1, "tags": tags,
                  "copied": copied["Body"].read().decode(), "copiedType": copied["ContentType"], "missing": missing,
                  "noBucket": no_bucket, "deleted": len(deleted), "url": url, "v2url": v2url}))
`

describe('e2e: S3 through the AWS CLI and boto3', () => {
  let server: TestServer
  let clients: DebianClients
  let work: string
  before(async () => {
    server = await startTestServer({ LANYARD_LOG_LEVEL: 'warn' })
    work = await mkdtemp(join(tmpdir(), 'lanyard-s3-cli-'))
    clients = debianClients(server)
  })
  after(async () => {
    await server.stop()
    await rm(work, { recursive: true, force: true })
  })

  it('aws s3 mb/cp/ls/rb (a multipart upload above the 8 MB threshold) and aws s3api', {
    skip: awsMissing,
  }, async () => {
    await clients.awsText('s3', 'mb', 's3://cli-bucket')
    const big = randomBytes(20 * 1024 * 1024 + 3)
    await writeFile(join(work, 'big.bin'), big)
    await writeFile(join(work, 'small.txt'), 'small file')
    await clients.awsText('s3', 'cp', join(work, 'big.bin'), 's3://cli-bucket/data/big.bin')
    await clients.awsText('s3', 'cp', join(work, 'small.txt'), 's3://cli-bucket/data/sub dir/small.txt')
    const listing = await clients.awsText('s3', 'ls', '--recursive', 's3://cli-bucket/')
    assert.match(listing, /20971523 data\/big\.bin/)
    assert.match(listing, /10 data\/sub dir\/small\.txt/)
    const top = await clients.awsText('s3', 'ls', 's3://cli-bucket/data/')
    assert.match(top, /PRE sub dir\//)
    await clients.awsText('s3', 'cp', 's3://cli-bucket/data/big.bin', join(work, 'back.bin'))
    const back = await readFile(join(work, 'back.bin'))
    assert.equal(createHash('md5').update(back).digest('hex'), createHash('md5').update(big).digest('hex'))
    const head = JSON.parse(
      await clients.awsText('s3api', 'head-object', '--bucket', 'cli-bucket', '--key', 'data/big.bin'),
    )
    assert.match(head.ETag, /-\d+"$/)
    await clients.awsText(
      's3api',
      'put-bucket-policy',
      '--bucket',
      'cli-bucket',
      '--policy',
      JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Allow',
            Principal: '*',
            Action: 's3:GetObject',
            Resource: 'arn:aws:s3:::cli-bucket/data/*',
          },
        ],
      }),
    )
    const policy = JSON.parse(await clients.awsText('s3api', 'get-bucket-policy', '--bucket', 'cli-bucket'))
    assert.match(policy.Policy, /cli-bucket\/data/)
    const anonymous = await fetch(`${server.url}/cli-bucket/data/sub%20dir/small.txt`)
    assert.equal(await anonymous.text(), 'small file')
    await assert.rejects(clients.awsText('s3', 'rb', 's3://cli-bucket'), /BucketNotEmpty/)
    await clients.awsText('s3', 'rb', '--force', 's3://cli-bucket')
    await assert.rejects(clients.awsText('s3api', 'head-bucket', '--bucket', 'cli-bucket'), /404/)
  })

  it('boto3: buckets, objects, paginated listings, tags, copies, errors and a presigned URL', {
    skip: boto3Missing,
  }, async () => {
    const out = await clients.python(BOTO3_SCRIPT)
    assert.deepEqual(out.again, ['BucketAlreadyOwnedByYou', 409])
    assert.equal(out.location, 'eu-west-1')
    assert.equal(out.range, '234')
    assert.equal(out.contentRange, 'bytes 2-4/10')
    assert.deepEqual(out.meta, { k: 'v' })
    assert.deepEqual(out.keys, ['many/00', 'many/01', 'many/02', 'many/03', 'many/04', 'many/05', 'many/06'])
    assert.equal(out.v1.length, 8)
    assert.deepEqual(out.tags, [{ Key: 'cluster', Value: 'c1' }])
    assert.equal(out.copied, '0123456789')
    assert.equal(out.copiedType, 'text/x')
    assert.deepEqual(out.missing, ['404', 404])
    assert.deepEqual(out.noBucket, ['NoSuchBucket', 404])
    assert.equal(out.deleted, 7)
    const presigned = await fetch(out.url)
    assert.equal(await presigned.text(), '0123456789')
    // Debian's boto3 presigns with Signature Version 2 by default, which S3 (and Lanyard) refuse.
    const v2 = await fetch(out.v2url)
    assert.equal(v2.status, 400)
    assert.match(await v2.text(), /<Code>InvalidRequest<\/Code>/)
  })
})
