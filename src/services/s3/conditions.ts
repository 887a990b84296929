import { AwsError } from '../../kernel/aws-error.js'
import type { S3ObjectRecord } from '../../store/index.js'

const matches = (header: unknown, etag: string): boolean =>
  typeof header === 'string' &&
  header.split(',').some((tag) => {
    const t = tag.trim()
    return t === '*' || t === etag || `"${t}"` === etag
  })

/** Seconds resolution, as HTTP dates carry them. */
const seconds = (date: Date): number => Math.floor(date.getTime() / 1000)

/**
 * Checks If-Match, If-Unmodified-Since (412 PreconditionFailed), If-None-Match and If-Modified-Since
 * (304 Not Modified) of GetObject and HeadObject, in the order RFC 7232 gives them.
 */
export function checkConditions(input: Record<string, unknown>, object: S3ObjectRecord): void {
  const failed = () =>
    new AwsError('PreconditionFailed', 412, 'At least one of the pre-conditions you specified did not hold')
  const notModified = () => new AwsError('NotModified', 304, 'Not Modified')
  if (input.IfMatch !== undefined) {
    if (!matches(input.IfMatch, object.etag)) throw failed()
  } else if (input.IfUnmodifiedSince instanceof Date) {
    if (seconds(object.lastModified) > seconds(input.IfUnmodifiedSince)) throw failed()
  }
  if (input.IfNoneMatch !== undefined) {
    if (matches(input.IfNoneMatch, object.etag)) throw notModified()
  } else if (input.IfModifiedSince instanceof Date) {
    if (seconds(object.lastModified) <= seconds(input.IfModifiedSince)) throw notModified()
  }
}
