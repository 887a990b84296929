import { randomUUID } from 'node:crypto'
import { accountOfAccessKeyId, timeOrderedUuid } from '../../kernel/ids.js'
import { isoSeconds } from '../../kernel/iso-seconds.js'
import type { AuditEventRecord } from '../../store/index.js'
import type { Exchange } from '../exchange.js'
import { redact } from './redact.js'

/** CloudTrail's `eventTime`: ISO-8601 UTC to the second. */
const eventTime = isoSeconds

/** The CloudTrail userIdentity of a request whose caller was not established. */
function unknownIdentity(exchange: Exchange): Record<string, unknown> {
  const accessKeyId = exchange.auth?.accessKeyId
  const accountId = accessKeyId ? accountOfAccessKeyId(accessKeyId) : undefined
  return {
    type: exchange.auth ? 'Unknown' : 'Anonymous',
    ...(accountId ? { accountId } : {}),
    ...(accessKeyId ? { accessKeyId } : {}),
  }
}

/** Builds the CloudTrail record of one finished request, or undefined when it named no operation. */
export function cloudTrailEvent(exchange: Exchange): AuditEventRecord | undefined {
  const service = exchange.service
  const eventName = exchange.operationName
  if (service === undefined || eventName === undefined) return undefined
  const caller = exchange.caller
  const userIdentity = caller?.userIdentity ?? unknownIdentity(exchange)
  const accountId = String(userIdentity.accountId ?? '')
  // Time-ordered, so the audit table's indexes grow at their ends (see timeOrderedUuid).
  const eventId = timeOrderedUuid(exchange.receivedAt, randomUUID())
  const readOnly = exchange.operation?.readOnly === true
  const error = exchange.error
  const event: Record<string, unknown> = {
    eventVersion: '1.08',
    userIdentity,
    eventTime: eventTime(exchange.receivedAt),
    eventSource: service.eventSource,
    eventName,
    awsRegion: service.requestedRegion ?? exchange.region,
    sourceIPAddress: exchange.sourceIp,
    userAgent: String(exchange.request.headers['user-agent'] ?? ''),
    ...(error ? { errorCode: error.code, errorMessage: error.message } : {}),
    requestParameters:
      exchange.input && Object.keys(exchange.input).length > 0 ? redact(exchange.input) : null,
    responseElements: !readOnly && exchange.output && !error ? redact(exchange.output) : null,
    requestID: exchange.requestId,
    eventID: eventId,
    readOnly,
    eventType: 'AwsApiCall',
    managementEvent: true,
    recipientAccountId: accountId,
    eventCategory: 'Management',
  }
  const username = typeof userIdentity.userName === 'string' ? userIdentity.userName : undefined
  return {
    eventId,
    eventTime: exchange.receivedAt,
    accountId,
    ...(caller ? { principalArn: caller.principal.arn } : {}),
    ...(username ? { username } : {}),
    eventSource: service.eventSource,
    eventName,
    ...(error ? { errorCode: error.code } : {}),
    ...(exchange.auth ? { accessKeyId: exchange.auth.accessKeyId } : {}),
    readOnly,
    requestId: exchange.requestId,
    event,
  }
}
