import { CloudTrailClient, LookupEventsCommand } from '@aws-sdk/client-cloudtrail'
import type { AwsCredentialIdentityProvider } from '@smithy/types'

/** The CloudTrail record fields the demo reads. */
interface TrailRecord {
  readonly eventName: string
  readonly eventSource: string
  readonly eventTime: string
  readonly requestID: string
  readonly sharedEventID?: string
  readonly errorCode?: string
  readonly userIdentity: {
    readonly type: string
    readonly arn?: string
    readonly accessKeyId?: string
    readonly userName?: string
    readonly principalId?: string
  }
  readonly requestParameters?: { readonly roleArn?: string; readonly durationSeconds?: number } | null
  readonly responseElements?: {
    readonly credentials?: { readonly accessKeyId?: string; readonly expiration?: string }
    readonly subjectFromWebIdentityToken?: string
  } | null
}

/** One credential seen in the trail: a temporary session (ASIA) or a long-term key (AKIA), and what it did. */
export interface TrailCredential {
  readonly accessKeyId: string
  /** The principal that used it (the assumed-role session ARN, the user ARN). */
  principal: string
  /** For a session: the role, who assumed it, how long it was valid. */
  assumed?: { readonly roleArn: string; readonly by: string; readonly seconds: number }
  allowed: number
  readonly denied: string[]
  readonly calls: Set<string>
}

/** AWS: the error codes of a call the policy engine refused (IAM/STS/S3, EC2, the JSON protocols). */
const DENIED = new Set(['AccessDenied', 'AccessDeniedException', 'UnauthorizedOperation'])

/** Reads the CloudTrail records since `since` of the accounts whose admins are `admins`, each delivered event once. */
export async function readTrail(
  endpoint: string,
  region: string,
  admins: readonly AwsCredentialIdentityProvider[],
  since: Date,
): Promise<TrailRecord[]> {
  const seen = new Set<string>()
  const records: TrailRecord[] = []
  for (const credentials of admins) {
    const account: TrailRecord[] = []
    const trail = new CloudTrailClient({ endpoint, region, credentials, maxAttempts: 1 })
    try {
      let NextToken: string | undefined
      do {
        const page = await trail.send(
          new LookupEventsCommand({ MaxResults: 50, NextToken, StartTime: since }),
        )
        for (const event of page.Events ?? []) {
          const record = JSON.parse(event.CloudTrailEvent ?? '{}') as TrailRecord
          // A cross-account AssumeRole is delivered to both accounts with one sharedEventID.
          const key = record.sharedEventID ?? record.requestID
          if (seen.has(key)) continue
          seen.add(key)
          account.push(record)
        }
        NextToken = page.NextToken
      } while (NextToken)
    } finally {
      trail.destroy()
    }
    // LookupEvents answers newest first; oldest first, the stable sort below keeps same-second events in order.
    records.push(...account.reverse())
  }
  return records.sort((a, b) => a.eventTime.localeCompare(b.eventTime))
}

/** Who a caller was in a record: the session or user ARN, or the web identity's subject. */
const callerOf = (record: TrailRecord): string =>
  record.userIdentity.arn ?? record.userIdentity.userName ?? record.userIdentity.principalId ?? 'anonymous'

/** Groups the trail by access key: each session with the role it is of, who assumed it and for how long. */
export function credentialsOf(records: readonly TrailRecord[]): TrailCredential[] {
  const byKey = new Map<string, TrailCredential>()
  const entry = (accessKeyId: string, principal: string): TrailCredential => {
    let found = byKey.get(accessKeyId)
    if (found === undefined) {
      found = { accessKeyId, principal, allowed: 0, denied: [], calls: new Set() }
      byKey.set(accessKeyId, found)
    }
    return found
  }
  for (const record of records) {
    const issued = record.responseElements?.credentials
    if (record.eventName.startsWith('AssumeRole') && issued?.accessKeyId && record.errorCode === undefined) {
      const subject = record.responseElements?.subjectFromWebIdentityToken
      entry(issued.accessKeyId, record.requestParameters?.roleArn ?? '').assumed = {
        roleArn: record.requestParameters?.roleArn ?? '',
        by: subject === undefined ? callerOf(record) : `web identity ${subject}`,
        seconds: record.requestParameters?.durationSeconds ?? 3600,
      }
    }
    const key = record.userIdentity.accessKeyId
    if (key === undefined) continue
    const credential = entry(key, callerOf(record))
    credential.principal = callerOf(record)
    const action = `${record.eventSource.split('.')[0]}:${record.eventName}`
    credential.calls.add(action)
    if (record.errorCode !== undefined && DENIED.has(record.errorCode))
      credential.denied.push(`${action} (${record.errorCode})`)
    else credential.allowed++
  }
  return [...byKey.values()]
}
