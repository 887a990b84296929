import { AwsError } from '../../kernel/aws-error.js'

/** AWS: S3's 404 for a bucket that does not exist. */
export const noSuchBucket = (): AwsError =>
  new AwsError('NoSuchBucket', 404, 'The specified bucket does not exist')

/** AWS: S3's 404 for a key that does not exist. */
export const noSuchKey = (): AwsError => new AwsError('NoSuchKey', 404, 'The specified key does not exist.')

/** AWS: S3's 404 for an unknown, aborted or completed multipart upload. */
export const noSuchUpload = (): AwsError =>
  new AwsError(
    'NoSuchUpload',
    404,
    'The specified upload does not exist. The upload ID may be invalid, or the upload may have been aborted or completed.',
  )

/** AWS: S3's AccessDenied never names the caller, the action or the resource. */
export const S3_ACCESS_DENIED = 'Access Denied'

/** AWS: S3's 403 AccessDenied. */
export const accessDenied = (): AwsError => new AwsError('AccessDenied', 403, S3_ACCESS_DENIED)

/** AWS: S3's InvalidArgument (400) with the given message. */
export const invalidArgument = (message: string): AwsError => new AwsError('InvalidArgument', 400, message)

/** AWS: a tag set S3 refuses (InvalidTag, 400). */
export const invalidTag = (message: string): AwsError => new AwsError('InvalidTag', 400, message)

/** AWS: S3's 404s for a bucket configuration that was never set, by code. */
export const MISSING_CONFIGURATION = {
  policy: ['NoSuchBucketPolicy', 'The bucket policy does not exist'],
  tagging: ['NoSuchTagSet', 'The TagSet does not exist'],
  publicAccessBlock: [
    'NoSuchPublicAccessBlockConfiguration',
    'The public access block configuration was not found',
  ],
  encryption: [
    'ServerSideEncryptionConfigurationNotFoundError',
    'The server side encryption configuration was not found',
  ],
  lifecycle: ['NoSuchLifecycleConfiguration', 'The lifecycle configuration does not exist'],
} as const

/** The 404 for a bucket configuration that was never set. */
export const missingConfiguration = (kind: keyof typeof MISSING_CONFIGURATION): AwsError =>
  new AwsError(MISSING_CONFIGURATION[kind][0], 404, MISSING_CONFIGURATION[kind][1])
