import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import {
  CreateBucketCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  PutBucketPolicyCommand,
  PutBucketTaggingCommand,
  PutObjectCommand,
  PutPublicAccessBlockCommand,
  type S3Client,
} from '@aws-sdk/client-s3'
import { AssumeRoleCommand } from '@aws-sdk/client-sts'
import { startTestServer, type TestServer } from '../start.js'
import {
  ACCOUNT,
  ACCOUNT_TRUST,
  createRole,
  createUser,
  keysOf,
  policy,
  stsClient,
} from '../sts/sts-fixtures.js'
import { presignedUrl } from './presign.js'
import { bucketName, s3Client } from './s3-fixtures.js'

type SdkError = Error & { $metadata?: { httpStatusCode?: number } }

const denied = async (call: Promise<unknown>) =>
  assert.rejects(call, (error: SdkError) => {
    assert.equal(error.name, 'AccessDenied')
    assert.equal(error.message, 'Access Denied')
    assert.equal(error.$metadata?.httpStatusCode, 403)
    return true
  })

describe('S3 authorization', () => {
  let server: TestServer
  let admin: S3Client
  let bucket: string
  before(async () => {
    server = await startTestServer()
    admin = s3Client(server.url, server.credentials)
    bucket = bucketName('authz')
    await admin.send(new CreateBucketCommand({ Bucket: bucket }))
    await admin.send(new PutObjectCommand({ Bucket: bucket, Key: 'public/page.html', Body: '<p>hi</p>' }))
    await admin.send(new PutObjectCommand({ Bucket: bucket, Key: 'secret/key', Body: 'secret' }))
    await admin.send(
      new PutObjectCommand({ Bucket: bucket, Key: 'tagged/yes', Body: 'y', Tagging: 'visibility=shared' }),
    )
    await admin.send(new PutObjectCommand({ Bucket: bucket, Key: 'tagged/no', Body: 'n' }))
  })
  after(() => server.stop())

  it('refuses a role session without s3:GetObject, and allows what its policy grants', async () => {
    const role = await createRole(
      server.url,
      server.credentials,
      server.app.store,
      'S3Writer',
      ACCOUNT_TRUST,
      [policy({ Effect: 'Allow', Action: ['s3:ListBucket', 's3:PutObject'], Resource: '*' })],
    )
    const assumed = await stsClient(server.url, server.credentials).send(
      new AssumeRoleCommand({ RoleArn: role.arn, RoleSessionName: 'writer' }),
    )
    const session = s3Client(server.url, keysOf(assumed.Credentials))
    await session.send(new PutObjectCommand({ Bucket: bucket, Key: 'uploads/one', Body: '1' }))
    const listed = await session.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: 'uploads/' }))
    assert.deepEqual(
      listed.Contents?.map((o) => o.Key),
      ['uploads/one'],
    )
    await denied(session.send(new GetObjectCommand({ Bucket: bucket, Key: 'uploads/one' })))
    // AWS: without s3:ListBucket a missing key is AccessDenied, so keys cannot be probed; with it, NoSuchKey.
    const reader = await createUser(server.app.store, 's3-reader', [
      policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }),
    ])
    await denied(s3Client(server.url, reader).send(new GetObjectCommand({ Bucket: bucket, Key: 'missing' })))
    await assert.rejects(admin.send(new GetObjectCommand({ Bucket: bucket, Key: 'missing' })), {
      name: 'NoSuchKey',
    })
    await denied(session.send(new CreateBucketCommand({ Bucket: bucketName('nope') })))
  })

  it('applies s3:prefix, s3:ExistingObjectTag and aws:RequestTag conditions', async () => {
    const user = await createUser(server.app.store, 's3-conditions', [
      policy(
        {
          Effect: 'Allow',
          Action: 's3:ListBucket',
          Resource: `arn:aws:s3:::${bucket}`,
          Condition: { StringEquals: { 's3:prefix': 'public/' } },
        },
        {
          Effect: 'Allow',
          Action: 's3:GetObject',
          Resource: `arn:aws:s3:::${bucket}/tagged/*`,
          Condition: { StringEquals: { 's3:ExistingObjectTag/visibility': 'shared' } },
        },
        {
          Effect: 'Allow',
          Action: 's3:PutBucketTagging',
          Resource: '*',
          Condition: { StringEquals: { 'aws:RequestTag/team': 'storage' } },
        },
      ),
    ])
    const s3 = s3Client(server.url, user)
    await s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: 'public/' }))
    await denied(s3.send(new ListObjectsV2Command({ Bucket: bucket })))
    await denied(s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: 'secret/' })))
    const got = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'tagged/yes' }))
    assert.equal(await got.Body?.transformToString(), 'y')
    await denied(s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'tagged/no' })))
    await s3.send(
      new PutBucketTaggingCommand({
        Bucket: bucket,
        Tagging: { TagSet: [{ Key: 'team', Value: 'storage' }] },
      }),
    )
    await denied(
      s3.send(
        new PutBucketTaggingCommand({ Bucket: bucket, Tagging: { TagSet: [{ Key: 'team', Value: 'x' }] } }),
      ),
    )
  })

  it('lets anonymous callers read what the bucket policy makes public, until the public access block restricts it', async () => {
    const url = `${server.url}/${bucket}/public/page.html`
    const before = await fetch(url)
    assert.equal(before.status, 403)
    const body = await before.text()
    assert.match(body, /<Code>AccessDenied<\/Code><Message>Access Denied<\/Message>/)
    await admin.send(
      new PutBucketPolicyCommand({
        Bucket: bucket,
        Policy: policy(
          {
            Sid: 'PublicRead',
            Effect: 'Allow',
            Principal: '*',
            Action: 's3:GetObject',
            Resource: `arn:aws:s3:::${bucket}/public/*`,
          },
          {
            Sid: 'NoSecrets',
            Effect: 'Deny',
            Principal: '*',
            Action: 's3:GetObject',
            Resource: `arn:aws:s3:::${bucket}/secret/*`,
          },
        ),
      }),
    )
    const allowed = await fetch(url)
    assert.equal(allowed.status, 200)
    assert.equal(await allowed.text(), '<p>hi</p>')
    assert.equal((await fetch(`${server.url}/${bucket}/secret/key`)).status, 403)
    assert.equal((await fetch(`${server.url}/${bucket}?list-type=2`)).status, 403)
    // An explicit Deny in the bucket policy binds even the account's own root credentials.
    await denied(admin.send(new GetObjectCommand({ Bucket: bucket, Key: 'secret/key' })))

    await admin.send(
      new PutPublicAccessBlockCommand({
        Bucket: bucket,
        PublicAccessBlockConfiguration: { RestrictPublicBuckets: true, BlockPublicPolicy: true },
      }),
    )
    const restricted = await fetch(url)
    assert.equal(restricted.status, 403)
    assert.match(await restricted.text(), /<Code>AccessDenied<\/Code>/)
    const owner = await admin.send(new GetObjectCommand({ Bucket: bucket, Key: 'public/page.html' }))
    assert.equal(await owner.Body?.transformToString(), '<p>hi</p>')
    await denied(
      admin.send(
        new PutBucketPolicyCommand({
          Bucket: bucket,
          Policy: policy({
            Effect: 'Allow',
            Principal: '*',
            Action: 's3:GetObject',
            Resource: `arn:aws:s3:::${bucket}/*`,
          }),
        }),
      ),
    )
    // A policy that names an account is not public, so BlockPublicPolicy lets it through.
    await admin.send(
      new PutBucketPolicyCommand({
        Bucket: bucket,
        Policy: policy({
          Effect: 'Allow',
          Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` },
          Action: 's3:GetObject',
          Resource: `arn:aws:s3:::${bucket}/*`,
        }),
      }),
    )
  })

  it('refuses a bucket policy naming another bucket or malformed', async () => {
    await assert.rejects(
      admin.send(
        new PutBucketPolicyCommand({
          Bucket: bucket,
          Policy: policy({
            Effect: 'Allow',
            Principal: '*',
            Action: 's3:GetObject',
            Resource: 'arn:aws:s3:::other/*',
          }),
        }),
      ),
      { name: 'MalformedPolicy', message: 'Policy has invalid resource' },
    )
    await assert.rejects(
      admin.send(new PutBucketPolicyCommand({ Bucket: bucket, Policy: '{"Statement": ' })),
      {
        name: 'MalformedPolicy',
      },
    )
  })

  it('serves presigned GET and PUT URLs to plain fetch', async () => {
    const put = await presignedUrl(server.url, server.credentials, 'PUT', bucket, 'presigned/file name.txt')
    const uploaded = await fetch(put, { method: 'PUT', body: 'sent with a presigned URL' })
    assert.equal(uploaded.status, 200, await uploaded.text())
    const get = await presignedUrl(server.url, server.credentials, 'GET', bucket, 'presigned/file name.txt')
    const fetched = await fetch(get)
    assert.equal(fetched.status, 200)
    assert.equal(await fetched.text(), 'sent with a presigned URL')
    const tampered = get.replace('file%20name.txt', 'other.txt')
    const refused = await fetch(tampered)
    assert.equal(refused.status, 403)
    assert.match(await refused.text(), /<Code>SignatureDoesNotMatch<\/Code>/)
  })
})
