/** A host that is an IP address (v4, or v6 in brackets) never names a bucket. */
const IP_HOST = /^(\d{1,3}(\.\d{1,3}){3}|\[[0-9a-f:.]+\])$/i

/**
 * The bucket a virtual-hosted-style S3 request names in its Host header, or undefined for path-style hosts.
 * `bucket.s3.<anything>`, `bucket.s3-<region>.<anything>` and `bucket.localhost` name a bucket; an IP address,
 * `localhost` and `s3.<anything>` do not.
 */
export function virtualHostBucket(host: string | undefined): string | undefined {
  if (host === undefined) return undefined
  const name = host.trim().toLowerCase().replace(/:\d+$/, '').replace(/\.$/, '')
  if (name === '' || IP_HOST.test(name)) return undefined
  if (/^s3([.-]|$)/.test(name)) return undefined
  const s3 = /^(.+?)\.s3([.-].*)?$/.exec(name)
  if (s3 !== null) return s3[1]
  if (name.endsWith('.localhost')) return name.slice(0, -'.localhost'.length)
  return undefined
}

/** The path-style path (`/bucket/key`) of an S3 request, whichever addressing style it used. */
export function s3PathStylePath(host: string | undefined, path: string): string {
  const bucket = virtualHostBucket(host)
  if (bucket === undefined) return path
  return path === '/' || path === '' ? `/${bucket}` : `/${bucket}${path}`
}
