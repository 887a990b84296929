import type { Operation } from '../../operation.js'
import { readObjectAuthorizations } from '../authz.js'
import { requireBucket } from '../buckets.js'
import { checkConditions } from '../conditions.js'
import { objectHeaderOutput, readObject } from '../objects.js'
import { parseRange } from '../range.js'

/** Query parameters that override a response header of GetObject. */
const OVERRIDES = [
  ['ResponseContentType', 'ContentType'],
  ['ResponseContentLanguage', 'ContentLanguage'],
  ['ResponseContentDisposition', 'ContentDisposition'],
  ['ResponseContentEncoding', 'ContentEncoding'],
  ['ResponseCacheControl', 'CacheControl'],
  ['ResponseExpires', 'Expires'],
] as const

/** S3 GetObject: the bytes (a Range gives 206 with Content-Range), with the object's headers. */
export const getObject: Operation = {
  unsigned: true,
  readOnly: true,
  authorize: (ctx, input) => readObjectAuthorizations(ctx, String(input.Bucket), String(input.Key)),
  async run(ctx, input) {
    await requireBucket(ctx.store, String(input.Bucket))
    const { object, bytes } = await readObject(ctx, String(input.Bucket), String(input.Key))
    checkConditions(input, object)
    const output: Record<string, unknown> = objectHeaderOutput(object)
    if (object.tags.length > 0) output.TagCount = object.tags.length
    for (const [parameter, member] of OVERRIDES)
      if (input[parameter] !== undefined) output[member] = input[parameter]
    const range = parseRange(input.Range, object.size)
    if (range === undefined) {
      output.Body = bytes
      return output
    }
    output.Body = bytes.subarray(range.start, range.end + 1)
    output.ContentLength = range.end - range.start + 1
    output.ContentRange = `bytes ${range.start}-${range.end}/${object.size}`
    return output
  },
}
