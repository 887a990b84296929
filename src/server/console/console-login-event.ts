import { randomUUID } from 'node:crypto'
import { isoSeconds } from '../../kernel/iso-seconds.js'
import type { AuditEventRecord } from '../../store/index.js'

/** What the audit trail records of one console sign-in attempt. */
export interface ConsoleLoginAttempt {
  readonly at: Date
  readonly ok: boolean
  readonly accountId?: string
  readonly userName?: string
  readonly userId?: string
  readonly userArn?: string
  readonly mfaUsed: boolean
  readonly sourceIp: string
  readonly userAgent: string
  readonly loginTo: string
}

const eventTime = isoSeconds

/**
 * The CloudTrail `ConsoleLogin` event (eventSource signin.amazonaws.com, eventType AwsConsoleSignIn).
 * AWS: a failed sign-in carries `errorMessage: Failed authentication` and `ConsoleLogin: Failure`.
 * @see https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-aws-console-sign-in-events.html
 */
export function consoleLoginEvent(attempt: ConsoleLoginAttempt): AuditEventRecord {
  const eventId = randomUUID()
  const requestId = randomUUID()
  const accountId = attempt.accountId ?? ''
  const userIdentity: Record<string, unknown> = {
    type: 'IAMUser',
    ...(attempt.userId ? { principalId: attempt.userId } : {}),
    ...(attempt.userArn ? { arn: attempt.userArn } : {}),
    accountId,
    ...(attempt.userName ? { userName: attempt.userName } : {}),
  }
  const event: Record<string, unknown> = {
    eventVersion: '1.08',
    userIdentity,
    eventTime: eventTime(attempt.at),
    eventSource: 'signin.amazonaws.com',
    eventName: 'ConsoleLogin',
    awsRegion: 'us-east-1',
    sourceIPAddress: attempt.sourceIp,
    userAgent: attempt.userAgent,
    ...(attempt.ok ? {} : { errorMessage: 'Failed authentication' }),
    requestParameters: null,
    responseElements: { ConsoleLogin: attempt.ok ? 'Success' : 'Failure' },
    additionalEventData: {
      LoginTo: attempt.loginTo,
      MobileVersion: 'No',
      MFAUsed: attempt.mfaUsed ? 'Yes' : 'No',
    },
    eventID: eventId,
    readOnly: false,
    eventType: 'AwsConsoleSignIn',
    managementEvent: true,
    recipientAccountId: accountId,
    eventCategory: 'Management',
  }
  return {
    eventId,
    eventTime: attempt.at,
    accountId,
    ...(attempt.ok && attempt.userArn ? { principalArn: attempt.userArn } : {}),
    ...(attempt.userName ? { username: attempt.userName } : {}),
    eventSource: 'signin.amazonaws.com',
    eventName: 'ConsoleLogin',
    readOnly: false,
    requestId,
    event,
  }
}
