import { AwsError } from '../../kernel/aws-error.js'

const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/

/**
 * Checks a new bucket's name against S3's naming rules (3–63 characters of lower-case letters, digits, dots
 * and hyphens; a letter or digit at both ends; no `..`, no IP address, no reserved prefix or suffix).
 * @see https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html
 */
export function requireValidBucketName(name: string): void {
  const valid =
    /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(name) &&
    !name.includes('..') &&
    !name.includes('.-') &&
    !name.includes('-.') &&
    !IPV4.test(name) &&
    !name.startsWith('xn--') &&
    !name.startsWith('sthree-') &&
    !name.endsWith('-s3alias') &&
    !name.endsWith('--ol-s3')
  if (!valid) throw new AwsError('InvalidBucketName', 400, 'The specified bucket is not valid.')
}
