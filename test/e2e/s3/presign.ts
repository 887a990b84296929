import { Hash } from '@smithy/hash-node'
import { HttpRequest } from '@smithy/protocol-http'
import { SignatureV4 } from '@smithy/signature-v4'
import type { S3Keys } from './s3-fixtures.js'

/**
 * A presigned path-style S3 URL, made the way @aws-sdk/s3-request-presigner makes it: SigV4 query
 * authentication with an UNSIGNED-PAYLOAD payload hash and the path not escaped twice.
 */
export async function presignedUrl(
  url: string,
  keys: S3Keys,
  method: 'GET' | 'PUT',
  bucket: string,
  key: string,
  expiresIn = 300,
  region = 'us-east-1',
): Promise<string> {
  const { hostname, port, host } = new URL(url)
  const signer = new SignatureV4({
    service: 's3',
    region,
    credentials: keys,
    sha256: Hash.bind(null, 'sha256'),
    uriEscapePath: false,
    applyChecksum: false,
  })
  const path = `/${bucket}/${key.split('/').map(encodeURIComponent).join('/')}`
  const request = new HttpRequest({
    method,
    protocol: 'http:',
    hostname,
    port: Number(port),
    path,
    headers: { host, 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' },
  })
  const signed = await signer.presign(request, { expiresIn })
  const query = Object.entries(signed.query ?? {})
    .map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(String(value))}`)
    .join('&')
  return `${url}${path}?${query}`
}
