import type { WireRequest } from '../../protocol/index.js'
import type { Exchange } from '../exchange.js'
import { s3PathStylePath } from '../s3-virtual-host.js'
import { routedFormParams } from './resolve-service.js'

/** The request as the protocol layer reads it: headers joined to single strings; S3 paths in path style. */
export function wireRequest(exchange: Exchange): WireRequest {
  const { request } = exchange
  const headers = joinedHeaders(request.headers)
  return {
    method: request.method,
    path: exchange.service?.signingName === 's3' ? s3PathStylePath(headers.host, request.path) : request.path,
    query: new URLSearchParams(request.query),
    headers,
    body: request.body,
    formParams: routedFormParams(exchange),
  }
}

/** The headers with repeated ones (node:http keeps `set-cookie` as a list) joined by commas; the same object when none is. */
function joinedHeaders(
  received: Exchange['request']['headers'],
): Readonly<Record<string, string | undefined>> {
  for (const name in received) {
    if (typeof received[name] === 'string') continue
    const headers: Record<string, string | undefined> = {}
    for (const [key, value] of Object.entries(received))
      headers[key] = typeof value === 'string' ? value : value?.join(',')
    return headers
  }
  return received as Readonly<Record<string, string | undefined>>
}
