import { invalidArgument } from './errors.js'

/** The bucket and key an `x-amz-copy-source` header names (`bucket/key` or `/bucket/key`, URL-encoded). */
export function parseCopySource(header: unknown): { readonly bucket: string; readonly key: string } {
  const text = String(header ?? '')
  const withoutVersion = text.split('?versionId=')[0]!
  let decoded: string
  try {
    decoded = decodeURIComponent(withoutVersion)
  } catch {
    throw invalidArgument('Invalid copy source encoding')
  }
  const path = decoded.startsWith('/') ? decoded.slice(1) : decoded
  const slash = path.indexOf('/')
  if (slash <= 0 || slash === path.length - 1)
    throw invalidArgument('Copy Source must mention the source bucket and key: sourcebucket/sourcekey')
  return { bucket: path.slice(0, slash), key: path.slice(slash + 1) }
}
