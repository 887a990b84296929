import { isoSeconds } from '../kernel/iso-seconds.js'
import type { ContextValue } from '../policy/index.js'
import type { AuthorizationRequest } from '../services/index.js'
import type { Exchange } from './exchange.js'

/**
 * The request context AWS builds for one authorization: the global keys of the request, the caller's
 * keys, and the operation's own keys, under lower-cased names.
 */
export function requestContext(exchange: Exchange, request: AuthorizationRequest): Map<string, ContextValue> {
  const context = new Map<string, ContextValue>()
  const at = exchange.receivedAt
  context.set('aws:currenttime', isoSeconds(at))
  context.set('aws:epochtime', String(Math.floor(at.getTime() / 1000)))
  context.set('aws:sourceip', exchange.sourceIp)
  context.set('aws:securetransport', String(exchange.secure))
  context.set('aws:requestedregion', exchange.service?.requestedRegion ?? exchange.region)
  context.set('aws:principalisawsservice', 'false')
  context.set('aws:viaawsservice', 'false')
  const userAgent = exchange.request.headers['user-agent']
  if (typeof userAgent === 'string') context.set('aws:useragent', userAgent)
  const referer = exchange.request.headers.referer
  if (typeof referer === 'string') context.set('aws:referer', referer)
  if (exchange.caller !== undefined)
    for (const [key, value] of exchange.caller.context) context.set(key, value)
  if (request.context !== undefined) {
    for (const [key, value] of Object.entries(request.context)) context.set(key.toLowerCase(), value)
  }
  return context
}
