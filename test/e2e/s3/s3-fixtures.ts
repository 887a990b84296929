import { lookup as dnsLookup, type LookupAddress } from 'node:dns'
import { Agent } from 'node:http'
import { S3Client } from '@aws-sdk/client-s3'

/** Access keys, long-term or temporary. */
export interface S3Keys {
  readonly accessKeyId: string
  readonly secretAccessKey: string
  readonly sessionToken?: string
}

/** Resolves `*.localhost` to 127.0.0.1 (virtual-hosted buckets), everything else as usual. */
function localhostLookup(
  hostname: string,
  options: object,
  callback: (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void,
): void {
  if (hostname === 'localhost' || hostname.endsWith('.localhost')) {
    const all = (options as { all?: boolean }).all === true
    if (all) callback(null, [{ address: '127.0.0.1', family: 4 }])
    else callback(null, '127.0.0.1', 4)
    return
  }
  dnsLookup(hostname, options, callback as never)
}

/**
 * An S3 client against a started server: path style (`http://127.0.0.1:port/bucket/key`) or virtual-hosted
 * (`http://bucket.localhost:port/key`, the SDK's default with a `localhost` endpoint).
 */
export function s3Client(
  url: string,
  keys: S3Keys,
  style: 'path' | 'virtual' = 'path',
  region = 'us-east-1',
) {
  const port = new URL(url).port
  return new S3Client({
    endpoint: style === 'path' ? url : `http://localhost:${port}`,
    forcePathStyle: style === 'path',
    region,
    credentials: keys,
    maxAttempts: 1,
    requestHandler: { httpAgent: new Agent({ keepAlive: true, lookup: localhostLookup as never }) },
  })
}

/** A bucket name no other test uses. */
export const bucketName = (label: string): string =>
  `${label}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`
