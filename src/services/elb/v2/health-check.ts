import { validationError } from '../errors.js'
import type { HealthCheckRecord } from './records.js'
import { isHttpProtocol } from './settings.js'

const num = (value: unknown, fallback: number): number => (typeof value === 'number' ? value : fallback)
const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined)

/**
 * The health check of a new target group. AWS: HTTP(S) target groups check `/` over their protocol every 30 s
 * (timeout 5 s, 5 healthy / 2 unhealthy, code 200); TCP-family ones check TCP (timeout 10 s), or HTTP with
 * codes 200-399 and a 6 s timeout.
 */
export function newHealthCheck(
  input: Record<string, unknown>,
  protocol: string | undefined,
): HealthCheckRecord {
  if (protocol === undefined) {
    // AWS: a lambda target group's health check is off unless asked for.
    return {
      enabled: input.HealthCheckEnabled === true,
      ...(str(input.HealthCheckPath) ? { path: str(input.HealthCheckPath)! } : {}),
      intervalSeconds: num(input.HealthCheckIntervalSeconds, 35),
      timeoutSeconds: num(input.HealthCheckTimeoutSeconds, 30),
      healthyThreshold: num(input.HealthyThresholdCount, 5),
      unhealthyThreshold: num(input.UnhealthyThresholdCount, 2),
      matcher: { HttpCode: '200' },
    }
  }
  const http = isHttpProtocol(protocol)
  const hcProtocol = str(input.HealthCheckProtocol) ?? (http ? protocol : 'TCP')
  const httpCheck = isHttpProtocol(hcProtocol)
  if (!http && httpCheck === false && input.HealthCheckPath !== undefined)
    throw validationError('Health check path cannot be set with the TCP health check protocol')
  const matcher = input.Matcher as HealthCheckRecord['matcher'] | undefined
  return {
    enabled: input.HealthCheckEnabled !== false,
    protocol: hcProtocol,
    port: str(input.HealthCheckPort) ?? 'traffic-port',
    ...(httpCheck ? { path: str(input.HealthCheckPath) ?? '/' } : {}),
    intervalSeconds: num(input.HealthCheckIntervalSeconds, 30),
    timeoutSeconds: num(input.HealthCheckTimeoutSeconds, http ? 5 : httpCheck ? 6 : 10),
    healthyThreshold: num(input.HealthyThresholdCount, 5),
    unhealthyThreshold: num(input.UnhealthyThresholdCount, 2),
    ...(httpCheck ? { matcher: matcher ?? { HttpCode: http ? '200' : '200-399' } } : {}),
  }
}

/** The health check with the settings a ModifyTargetGroup call gives. */
export function modifiedHealthCheck(
  current: HealthCheckRecord,
  input: Record<string, unknown>,
): HealthCheckRecord {
  const protocol = str(input.HealthCheckProtocol) ?? current.protocol
  const httpCheck = isHttpProtocol(protocol)
  const path = str(input.HealthCheckPath) ?? current.path ?? (httpCheck ? '/' : undefined)
  const matcher = (input.Matcher as HealthCheckRecord['matcher'] | undefined) ?? current.matcher
  return {
    enabled: typeof input.HealthCheckEnabled === 'boolean' ? input.HealthCheckEnabled : current.enabled,
    ...(protocol === undefined ? {} : { protocol }),
    ...((str(input.HealthCheckPort) ?? current.port)
      ? { port: str(input.HealthCheckPort) ?? current.port! }
      : {}),
    ...(httpCheck && path !== undefined ? { path } : {}),
    intervalSeconds: num(input.HealthCheckIntervalSeconds, current.intervalSeconds),
    timeoutSeconds: num(input.HealthCheckTimeoutSeconds, current.timeoutSeconds),
    healthyThreshold: num(input.HealthyThresholdCount, current.healthyThreshold),
    unhealthyThreshold: num(input.UnhealthyThresholdCount, current.unhealthyThreshold),
    ...(httpCheck ? { matcher: matcher ?? { HttpCode: '200' } } : {}),
  }
}
