import { MODELS } from '../../models/index.js'
import type { ServiceDefinition } from '../operation.js'
import { abortMultipartUpload } from './operations/abort-multipart-upload.js'
import { completeMultipartUpload } from './operations/complete-multipart-upload.js'
import { copyObject } from './operations/copy-object.js'
import { createBucket } from './operations/create-bucket.js'
import { createMultipartUpload } from './operations/create-multipart-upload.js'
import { deleteBucket } from './operations/delete-bucket.js'
import { deleteBucketEncryption } from './operations/delete-bucket-encryption.js'
import { deleteBucketLifecycle } from './operations/delete-bucket-lifecycle.js'
import { deleteBucketPolicy } from './operations/delete-bucket-policy.js'
import { deleteBucketTagging } from './operations/delete-bucket-tagging.js'
import { deleteObject } from './operations/delete-object.js'
import { deleteObjectTagging } from './operations/delete-object-tagging.js'
import { deleteObjects } from './operations/delete-objects.js'
import { deletePublicAccessBlock } from './operations/delete-public-access-block.js'
import { getBucketEncryption } from './operations/get-bucket-encryption.js'
import { getBucketLifecycleConfiguration } from './operations/get-bucket-lifecycle-configuration.js'
import { getBucketLocation } from './operations/get-bucket-location.js'
import { getBucketPolicy } from './operations/get-bucket-policy.js'
import { getBucketTagging } from './operations/get-bucket-tagging.js'
import { getBucketVersioning } from './operations/get-bucket-versioning.js'
import { getObject } from './operations/get-object.js'
import { getObjectTagging } from './operations/get-object-tagging.js'
import { getPublicAccessBlock } from './operations/get-public-access-block.js'
import { headBucket } from './operations/head-bucket.js'
import { headObject } from './operations/head-object.js'
import { listBuckets } from './operations/list-buckets.js'
import { listMultipartUploads } from './operations/list-multipart-uploads.js'
import { listObjects } from './operations/list-objects.js'
import { listObjectsV2 } from './operations/list-objects-v2.js'
import { listParts } from './operations/list-parts.js'
import { putBucketEncryption } from './operations/put-bucket-encryption.js'
import { putBucketLifecycleConfiguration } from './operations/put-bucket-lifecycle-configuration.js'
import { putBucketPolicy } from './operations/put-bucket-policy.js'
import { putBucketTagging } from './operations/put-bucket-tagging.js'
import { putObject } from './operations/put-object.js'
import { putObjectTagging } from './operations/put-object-tagging.js'
import { putPublicAccessBlock } from './operations/put-public-access-block.js'
import { uploadPart } from './operations/upload-part.js'

/** Amazon S3, 2006-03-01 (rest-xml): buckets, objects, multipart uploads; path-style and virtual-hosted. */
export const S3_SERVICE: ServiceDefinition = {
  signingName: 's3',
  eventSource: 's3.amazonaws.com',
  model: MODELS.s3,
  operations: {
    AbortMultipartUpload: abortMultipartUpload,
    CompleteMultipartUpload: completeMultipartUpload,
    CopyObject: copyObject,
    CreateBucket: createBucket,
    CreateMultipartUpload: createMultipartUpload,
    DeleteBucket: deleteBucket,
    DeleteBucketEncryption: deleteBucketEncryption,
    DeleteBucketLifecycle: deleteBucketLifecycle,
    DeleteBucketPolicy: deleteBucketPolicy,
    DeleteBucketTagging: deleteBucketTagging,
    DeleteObject: deleteObject,
    DeleteObjectTagging: deleteObjectTagging,
    DeleteObjects: deleteObjects,
    DeletePublicAccessBlock: deletePublicAccessBlock,
    GetBucketEncryption: getBucketEncryption,
    GetBucketLifecycleConfiguration: getBucketLifecycleConfiguration,
    GetBucketLocation: getBucketLocation,
    GetBucketPolicy: getBucketPolicy,
    GetBucketTagging: getBucketTagging,
    GetBucketVersioning: getBucketVersioning,
    GetObject: getObject,
    GetObjectTagging: getObjectTagging,
    GetPublicAccessBlock: getPublicAccessBlock,
    HeadBucket: headBucket,
    HeadObject: headObject,
    ListBuckets: listBuckets,
    ListMultipartUploads: listMultipartUploads,
    ListObjects: listObjects,
    ListObjectsV2: listObjectsV2,
    ListParts: listParts,
    PutBucketEncryption: putBucketEncryption,
    PutBucketLifecycleConfiguration: putBucketLifecycleConfiguration,
    PutBucketPolicy: putBucketPolicy,
    PutBucketTagging: putBucketTagging,
    PutObject: putObject,
    PutObjectTagging: putObjectTagging,
    PutPublicAccessBlock: putPublicAccessBlock,
    UploadPart: uploadPart,
  },
}
