import type { Logger } from 'pino'
import type { Exchange } from '../exchange.js'

/** Logs one finished request: a line at `debug`, and the cause at `error` when the server failed. */
export function logExchange(logger: Logger, exchange: Exchange, seconds: number): void {
  const status = exchange.response?.status ?? 0
  if (status < 500 && !logger.isLevelEnabled('debug')) return
  const line = {
    requestId: exchange.requestId,
    method: exchange.request.method,
    path: exchange.request.path,
    service: exchange.service?.signingName,
    operation: exchange.operationName,
    status,
    ms: Math.round(seconds * 1e6) / 1e3,
    principal: exchange.caller?.principal.arn,
    accessKeyId: exchange.auth?.accessKeyId,
    authorization: exchange.authorization,
    errorCode: exchange.error?.code,
    sourceIp: exchange.sourceIp,
  }
  if (status >= 500)
    logger.error(Object.assign({}, line, { err: exchange.cause ?? exchange.error }), 'request failed')
  else logger.debug(line, 'request')
}
