import type { AuditEventRecord, Repositories } from '../../../store/index.js'
import type { ReportActor } from './report-target.js'

/** AWS: IAM reports access attempts of the last 400 days. */
export const TRACKING_PERIOD_DAYS = 400

/** The most recent attempt on a service or an action. */
export interface LastAttempt {
  readonly at: Date
  /** The user or role ARN that made it. */
  readonly entity: string
  readonly region: string
}

/** What the audit trail shows of one service: the last attempt, who attempted, and the last attempt per action. */
export interface ServiceActivity {
  readonly last: LastAttempt
  readonly entities: ReadonlySet<string>
  /** Last attempt by API operation name (the CloudTrail `eventName`). */
  readonly actions: ReadonlyMap<string, LastAttempt>
}

/** Event sources whose namespace is not the first label of the host name; `null`: not a service access. */
const NAMESPACE_OF_SOURCE: Readonly<Record<string, string | null>> = {
  'tagging.amazonaws.com': 'tag',
  // AWS: console sign-in is not an access to a service.
  'signin.amazonaws.com': null,
}

/** The service namespace of a CloudTrail event source (`iam.amazonaws.com` → `iam`). */
export function namespaceOfSource(source: string): string | undefined {
  const mapped = NAMESPACE_OF_SOURCE[source]
  if (mapped !== undefined) return mapped ?? undefined
  return source.split('.')[0]
}

const PAGE = 1000

/**
 * Reads the actors' events of the tracking period before `now` (every attempt the server authenticated, allowed
 * or denied) and keeps the most recent attempt per service and per action.
 */
export async function serviceActivity(
  store: Repositories,
  account: string,
  actors: readonly ReportActor[],
  now: Date,
): Promise<Map<string, ServiceActivity>> {
  const from = new Date(now.getTime() - TRACKING_PERIOD_DAYS * 86_400_000)
  const byService = new Map<
    string,
    { last: LastAttempt; entities: Set<string>; actions: Map<string, LastAttempt> }
  >()
  for (const actor of actors) {
    let after: string | undefined
    do {
      const page = await store.audit.query({
        accountId: account,
        ...actor.events,
        from,
        to: now,
        limit: PAGE,
        ...(after === undefined ? {} : { after }),
      })
      for (const event of page.items) record(byService, event, actor.arn)
      after = page.next
    } while (after !== undefined)
  }
  return byService
}

function record(
  byService: Map<string, { last: LastAttempt; entities: Set<string>; actions: Map<string, LastAttempt> }>,
  event: AuditEventRecord,
  entity: string,
): void {
  const namespace = namespaceOfSource(event.eventSource)
  if (namespace === undefined) return
  const attempt: LastAttempt = { at: event.eventTime, entity, region: String(event.event.awsRegion ?? '') }
  let service = byService.get(namespace)
  if (service === undefined) {
    service = { last: attempt, entities: new Set(), actions: new Map() }
    byService.set(namespace, service)
  } else if (attempt.at > service.last.at) service.last = attempt
  service.entities.add(entity)
  const action = service.actions.get(event.eventName)
  if (action === undefined || attempt.at > action.at) service.actions.set(event.eventName, attempt)
}
