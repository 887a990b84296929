import { randomUUID } from 'node:crypto'
import { timeOrderedUuid } from '../../kernel/ids.js'
import type { AuditEventRecord } from '../../store/index.js'

/** The account of an IAM role ARN, `arn:aws:iam::<account>:role/…`. */
const ROLE_ACCOUNT = /^arn:aws[\w-]*:iam::(\d{12}):role\//

/**
 * The records one event is delivered as: itself, and for an STS AssumeRole* call on a role of another account,
 * a copy in the role's account (a caller with no account, as for web identity, leaves only that copy).
 * AWS: such an event is delivered to both accounts, each copy with its own eventID and recipientAccountId and the
 * same sharedEventID.
 * @see https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-record-contents.html
 */
export function withResourceAccountCopy(record: AuditEventRecord): readonly AuditEventRecord[] {
  if (record.eventSource !== 'sts.amazonaws.com' || !record.eventName.startsWith('AssumeRole'))
    return [record]
  const parameters = record.event.requestParameters as Record<string, unknown> | null | undefined
  const roleArn = typeof parameters?.roleArn === 'string' ? parameters.roleArn : undefined
  const roleAccount = roleArn === undefined ? undefined : ROLE_ACCOUNT.exec(roleArn)?.[1]
  if (roleAccount === undefined || roleAccount === record.accountId) return [record]
  const sharedEventID = randomUUID()
  const eventId = timeOrderedUuid(record.eventTime, randomUUID())
  // The event is copied by a spread (Object.assign from it would run a `__proto__` setter); only our keys are set on the copy.
  const original: AuditEventRecord = Object.assign({}, record, {
    event: Object.assign({ ...record.event }, { sharedEventID }),
  })
  const copy: AuditEventRecord = Object.assign({}, record, {
    eventId,
    accountId: roleAccount,
    event: Object.assign(
      { ...record.event },
      { eventID: eventId, recipientAccountId: roleAccount, sharedEventID },
    ),
  })
  return record.accountId === '' ? [copy] : [original, copy]
}
