import type { AuditEventRecord } from '../../store/index.js'
import { eventResources } from './resources.js'

/** A stored audit event as a CloudTrail `Event` of LookupEvents. */
export function toEventShape(record: AuditEventRecord): Record<string, unknown> {
  return {
    EventId: record.eventId,
    EventName: record.eventName,
    // AWS: ReadOnly is the string "true" or "false".
    ReadOnly: String(record.readOnly),
    AccessKeyId: record.accessKeyId,
    EventTime: record.eventTime,
    EventSource: record.eventSource,
    Username: record.username,
    Resources: eventResources(record.event),
    CloudTrailEvent: JSON.stringify(record.event),
  }
}
