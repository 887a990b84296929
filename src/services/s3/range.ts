import { AwsError } from '../../kernel/aws-error.js'

/** An inclusive byte range of an object. */
export interface ByteRange {
  readonly start: number
  readonly end: number
}

/**
 * The byte range a `Range` header asks for (`bytes=a-b`, `bytes=a-`, `bytes=-n`) within an object of `size`
 * bytes. AWS: a header S3 cannot read (several ranges, another unit) is ignored and the whole object is
 * returned; a range that starts past the end is InvalidRange (416).
 */
export function parseRange(header: unknown, size: number): ByteRange | undefined {
  if (typeof header !== 'string') return undefined
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim())
  if (match === null) return undefined
  const [, first = '', last = ''] = match
  if (first === '' && last === '') return undefined
  if (first === '') {
    const suffix = Number(last)
    if (suffix === 0) throw invalidRange()
    return { start: Math.max(0, size - suffix), end: size - 1 }
  }
  const start = Number(first)
  const end = last === '' ? size - 1 : Math.min(Number(last), size - 1)
  if (last !== '' && Number(last) < start) return undefined
  if (start >= size) throw invalidRange()
  return { start, end }
}

function invalidRange(): AwsError {
  return new AwsError('InvalidRange', 416, 'The requested range is not satisfiable')
}
