import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import {
  GetResourcesCommand,
  ResourceGroupsTaggingAPIClient,
} from '@aws-sdk/client-resource-groups-tagging-api'
import {
  CreateBucketCommand,
  DeleteBucketEncryptionCommand,
  DeleteBucketLifecycleCommand,
  DeleteBucketPolicyCommand,
  DeleteBucketTaggingCommand,
  DeletePublicAccessBlockCommand,
  GetBucketEncryptionCommand,
  GetBucketLifecycleConfigurationCommand,
  GetBucketLocationCommand,
  GetBucketPolicyCommand,
  GetBucketTaggingCommand,
  GetBucketVersioningCommand,
  GetObjectCommand,
  GetPublicAccessBlockCommand,
  PutBucketEncryptionCommand,
  PutBucketLifecycleConfigurationCommand,
  PutBucketPolicyCommand,
  PutBucketTaggingCommand,
  PutObjectCommand,
  PutPublicAccessBlockCommand,
  type S3Client,
} from '@aws-sdk/client-s3'
import { addAccount } from '../../../src/app.js'
import { resolveConfig } from '../../../src/server/index.js'
import { startTestServer, type TestServer } from '../start.js'
import { bucketName, s3Client } from './s3-fixtures.js'

type SdkError = Error & { $metadata?: { httpStatusCode?: number } }

const fails = (call: Promise<unknown>, name: string, status: number, message?: string) =>
  assert.rejects(call, (error: SdkError) => {
    assert.equal(error.name, name)
    assert.equal(error.$metadata?.httpStatusCode, status)
    if (message !== undefined) assert.equal(error.message, message)
    return true
  })

describe('S3 bucket configuration', () => {
  let server: TestServer
  let s3: S3Client
  before(async () => {
    server = await startTestServer()
    s3 = s3Client(server.url, server.credentials)
  })
  after(() => server.stop())

  it('answers CreateBucket errors for names, regions and taken names', async () => {
    await fails(s3.send(new CreateBucketCommand({ Bucket: 'Bad_Name' })), 'InvalidBucketName', 400)
    await fails(s3.send(new CreateBucketCommand({ Bucket: '192.168.1.1' })), 'InvalidBucketName', 400)
    const inEu = s3Client(server.url, server.credentials, 'path', 'eu-west-1')
    // The SDK adds the client's region as the LocationConstraint; a constraint naming another region is refused.
    await fails(
      inEu.send(
        new CreateBucketCommand({
          Bucket: bucketName('elsewhere'),
          CreateBucketConfiguration: { LocationConstraint: 'eu-central-1' },
        }),
      ),
      'IllegalLocationConstraintException',
      400,
      'The eu-central-1 location constraint is incompatible for the region specific endpoint this request was sent to.',
    )
    const euName = bucketName('eu')
    await inEu.send(
      new CreateBucketCommand({
        Bucket: euName,
        CreateBucketConfiguration: { LocationConstraint: 'eu-west-1' },
      }),
    )
    assert.equal(
      (await s3.send(new GetBucketLocationCommand({ Bucket: euName }))).LocationConstraint,
      'eu-west-1',
    )
    await fails(
      inEu.send(
        new CreateBucketCommand({
          Bucket: euName,
          CreateBucketConfiguration: { LocationConstraint: 'eu-west-1' },
        }),
      ),
      'BucketAlreadyOwnedByYou',
      409,
    )
    const other = await addAccount(resolveConfig({ dataDir: server.dataDir }, {}), { id: '444455556666' })
    const theirs = s3Client(server.url, other)
    await fails(theirs.send(new CreateBucketCommand({ Bucket: euName })), 'BucketAlreadyExists', 409)
    await fails(
      theirs.send(new GetBucketTaggingCommand({ Bucket: euName })),
      'AccessDenied',
      403,
      'Access Denied',
    )
    // AWS: in us-east-1, creating a bucket the caller already owns succeeds.
    const mine = bucketName('mine')
    await s3.send(new CreateBucketCommand({ Bucket: mine }))
    await s3.send(new CreateBucketCommand({ Bucket: mine }))
    // A bucket policy grants another account access to the owner's objects.
    await s3.send(new PutObjectCommand({ Bucket: mine, Key: 'shared', Body: 'for 4444' }))
    await fails(theirs.send(new GetObjectCommand({ Bucket: mine, Key: 'shared' })), 'AccessDenied', 403)
    await s3.send(
      new PutBucketPolicyCommand({
        Bucket: mine,
        Policy: JSON.stringify({
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Allow',
              Principal: { AWS: 'arn:aws:iam::444455556666:root' },
              Action: 's3:GetObject',
              Resource: `arn:aws:s3:::${mine}/*`,
            },
          ],
        }),
      }),
    )
    const shared = await theirs.send(new GetObjectCommand({ Bucket: mine, Key: 'shared' }))
    assert.equal(await shared.Body?.transformToString(), 'for 4444')
  })

  it('stores and returns tagging, policy, public access block, encryption and lifecycle configuration', async () => {
    const name = bucketName('config')
    await s3.send(new CreateBucketCommand({ Bucket: name }))
    await fails(
      s3.send(new GetBucketTaggingCommand({ Bucket: name })),
      'NoSuchTagSet',
      404,
      'The TagSet does not exist',
    )
    await s3.send(
      new PutBucketTaggingCommand({
        Bucket: name,
        Tagging: {
          TagSet: [
            { Key: 'kubernetes.io/cluster/c1', Value: 'owned' },
            { Key: 'Name', Value: 'c1-image-registry' },
          ],
        },
      }),
    )
    assert.deepEqual((await s3.send(new GetBucketTaggingCommand({ Bucket: name }))).TagSet, [
      { Key: 'kubernetes.io/cluster/c1', Value: 'owned' },
      { Key: 'Name', Value: 'c1-image-registry' },
    ])
    const record = await server.app.store.cloudResources.get(`arn:aws:s3:::${name}`)
    assert.equal(record?.service, 's3')
    assert.equal(record?.type, 'bucket')
    assert.equal(record?.region, 'us-east-1')
    assert.equal(record?.tags.length, 2)
    const tagging = new ResourceGroupsTaggingAPIClient({
      endpoint: server.url,
      region: 'us-east-1',
      credentials: server.credentials,
      maxAttempts: 1,
    })
    const found = await tagging.send(
      new GetResourcesCommand({ TagFilters: [{ Key: 'kubernetes.io/cluster/c1', Values: ['owned'] }] }),
    )
    assert.deepEqual(
      found.ResourceTagMappingList?.map((r) => r.ResourceARN),
      [`arn:aws:s3:::${name}`],
    )
    await s3.send(new DeleteBucketTaggingCommand({ Bucket: name }))
    await fails(s3.send(new GetBucketTaggingCommand({ Bucket: name })), 'NoSuchTagSet', 404)

    await fails(
      s3.send(new GetBucketPolicyCommand({ Bucket: name })),
      'NoSuchBucketPolicy',
      404,
      'The bucket policy does not exist',
    )
    const document = JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Deny',
          Principal: '*',
          Action: 's3:PutObject',
          Resource: `arn:aws:s3:::${name}/*`,
          Condition: { Bool: { 'aws:SecureTransport': 'false' } },
        },
      ],
    })
    await s3.send(new PutBucketPolicyCommand({ Bucket: name, Policy: document }))
    assert.equal((await s3.send(new GetBucketPolicyCommand({ Bucket: name }))).Policy, document)
    // The test server speaks plain HTTP, so the policy refuses even the owner's uploads.
    await fails(s3.send(new PutObjectCommand({ Bucket: name, Key: 'k', Body: 'v' })), 'AccessDenied', 403)
    await s3.send(new DeleteBucketPolicyCommand({ Bucket: name }))
    await fails(s3.send(new GetBucketPolicyCommand({ Bucket: name })), 'NoSuchBucketPolicy', 404)
    await s3.send(new PutObjectCommand({ Bucket: name, Key: 'k', Body: 'v' }))
    const next = name

    await fails(
      s3.send(new GetPublicAccessBlockCommand({ Bucket: next })),
      'NoSuchPublicAccessBlockConfiguration',
      404,
    )
    await s3.send(
      new PutPublicAccessBlockCommand({
        Bucket: next,
        PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true },
      }),
    )
    assert.deepEqual(
      (await s3.send(new GetPublicAccessBlockCommand({ Bucket: next }))).PublicAccessBlockConfiguration,
      {
        BlockPublicAcls: true,
        IgnorePublicAcls: false,
        BlockPublicPolicy: true,
        RestrictPublicBuckets: false,
      },
    )
    await s3.send(new DeletePublicAccessBlockCommand({ Bucket: next }))
    await fails(
      s3.send(new GetPublicAccessBlockCommand({ Bucket: next })),
      'NoSuchPublicAccessBlockConfiguration',
      404,
    )

    const defaults = await s3.send(new GetBucketEncryptionCommand({ Bucket: next }))
    assert.equal(
      defaults.ServerSideEncryptionConfiguration?.Rules?.[0]?.ApplyServerSideEncryptionByDefault
        ?.SSEAlgorithm,
      'AES256',
    )
    await s3.send(
      new PutBucketEncryptionCommand({
        Bucket: next,
        ServerSideEncryptionConfiguration: {
          Rules: [
            {
              ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: 'alias/my-key' },
              BucketKeyEnabled: true,
            },
          ],
        },
      }),
    )
    const kms = await s3.send(new GetBucketEncryptionCommand({ Bucket: next }))
    assert.deepEqual(kms.ServerSideEncryptionConfiguration?.Rules?.[0], {
      ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: 'alias/my-key' },
      BucketKeyEnabled: true,
    })
    await s3.send(new DeleteBucketEncryptionCommand({ Bucket: next }))

    await fails(
      s3.send(new GetBucketLifecycleConfigurationCommand({ Bucket: next })),
      'NoSuchLifecycleConfiguration',
      404,
    )
    await s3.send(
      new PutBucketLifecycleConfigurationCommand({
        Bucket: next,
        LifecycleConfiguration: {
          Rules: [
            {
              ID: 'cleanup',
              Status: 'Enabled',
              Filter: { Prefix: 'tmp/' },
              Expiration: { Days: 7 },
              AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 },
            },
          ],
        },
      }),
    )
    const rules = (await s3.send(new GetBucketLifecycleConfigurationCommand({ Bucket: next }))).Rules
    assert.equal(rules?.[0]?.ID, 'cleanup')
    assert.equal(rules?.[0]?.Expiration?.Days, 7)
    assert.equal(rules?.[0]?.Filter?.Prefix, 'tmp/')
    await s3.send(new DeleteBucketLifecycleCommand({ Bucket: next }))
    await fails(
      s3.send(new GetBucketLifecycleConfigurationCommand({ Bucket: next })),
      'NoSuchLifecycleConfiguration',
      404,
    )
    assert.equal((await s3.send(new GetBucketVersioningCommand({ Bucket: next }))).Status, undefined)
  })
})
