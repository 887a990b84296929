import type { WireRequest } from '../../protocol/index.js'
import type { Exchange } from '../exchange.js'
import { s3PathStylePath } from '../s3-virtual-host.js'
import { routedFormParams } from './resolve-service.js'

/** The request as the protocol layer reads it: headers joined to single strings; S3 paths in path style. */
export function wireRequest(exchange: Exchange): WireRequest {
  const { request } = exchange
  const headers: Record<string, string | undefined> = {}
  for (const [name, value] of Object.entries(request.headers)) {
    headers[name] = typeof value === 'string' ? value : value?.join(',')
  }
  return {
    method: request.method,
    path: exchange.service?.signingName === 's3' ? s3PathStylePath(headers.host, request.path) : request.path,
    query: new URLSearchParams(request.query),
    headers,
    body: request.body,
    formParams: routedFormParams(exchange),
  }
}
