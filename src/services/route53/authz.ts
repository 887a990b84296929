import type { ContextValue } from '../../policy/index.js'
import type { AuthorizationRequest } from '../operation.js'
import { zoneArn } from './zone.js'

/** `route53:<Action>` on a hosted zone's ARN. */
export const zoneAuthorization = (
  action: string,
  zoneId: string,
  context?: Readonly<Record<string, ContextValue>>,
): AuthorizationRequest => ({
  action: `route53:${action}`,
  resource: zoneArn(zoneId),
  ...(context ? { context } : {}),
})

/** `route53:<Action>` on `*`, for calls that name no hosted zone. */
export const anyResource = (
  action: string,
  context?: Readonly<Record<string, ContextValue>>,
): AuthorizationRequest => ({
  action: `route53:${action}`,
  resource: '*',
  ...(context ? { context } : {}),
})
