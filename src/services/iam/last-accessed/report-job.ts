import type { Catalog } from '../../../catalog/index.js'
import type { RandomBytes } from '../../../kernel/ids.js'
import type { Repositories } from '../../../store/index.js'
import type { LastAttempt, ServiceActivity } from './service-activity.js'

/** `SERVICE_LEVEL` or `ACTION_LEVEL` (GenerateServiceLastAccessedDetails Granularity). */
export type Granularity = 'SERVICE_LEVEL' | 'ACTION_LEVEL'

/** One service of a finished report. */
export interface ReportedService {
  readonly namespace: string
  readonly name: string
  readonly last?: LastAttempt
  readonly totalEntities: number
  /** ACTION_LEVEL only: the last attempt per action attempted, by action name. */
  readonly actions?: readonly (LastAttempt & { readonly name: string })[]
}

/** A service last accessed report job, kept in the account's settings until read. */
export interface ReportJob {
  readonly jobId: string
  readonly arn: string
  readonly granularity: Granularity
  readonly createdAt: Date
  readonly completedAt: Date
  readonly services: readonly ReportedService[]
}

const KEY_PREFIX = 'service-last-accessed/'

/** A random (version 4) UUID, the 36-character JobId. */
export function newJobId(random: RandomBytes): string {
  const b = random(16)
  b[6] = (b[6]! & 0x0f) | 0x40
  b[8] = (b[8]! & 0x3f) | 0x80
  const hex = Buffer.from(b).toString('hex')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}

/**
 * The report's services: every allowed service, with the last attempt for those attempted. At ACTION_LEVEL each
 * attempted service lists its attempted actions that the service authorization reference names (sorted).
 */
export function reportedServices(
  allowed: readonly string[],
  activity: ReadonlyMap<string, ServiceActivity>,
  granularity: Granularity,
  catalog: Catalog,
): ReportedService[] {
  return allowed.map((namespace) => {
    const used = activity.get(namespace)
    const name = catalog.serviceName(namespace) ?? namespace
    if (used === undefined) return { namespace, name, totalEntities: 0 }
    const actions =
      granularity === 'ACTION_LEVEL'
        ? [...used.actions]
            .map(([operation, last]) => ({
              at: last.at,
              entity: last.entity,
              region: last.region,
              name: catalog.action(`${namespace}:${operation}`)?.name,
            }))
            .filter((a): a is LastAttempt & { name: string } => a.name !== undefined)
            .sort((a, b) => a.name.localeCompare(b.name))
        : undefined
    return {
      namespace,
      name,
      last: used.last,
      totalEntities: used.entities.size,
      ...(actions && actions.length > 0 ? { actions } : {}),
    }
  })
}

/** Keeps a finished job under the account. */
export async function saveJob(store: Repositories, account: string, job: ReportJob): Promise<void> {
  await store.settings.put(account, KEY_PREFIX + job.jobId, JSON.stringify(job), job.completedAt)
}

/** The account's job `jobId`, or undefined. */
export async function loadJob(
  store: Repositories,
  account: string,
  jobId: string,
): Promise<ReportJob | undefined> {
  const text = await store.settings.get(account, KEY_PREFIX + jobId)
  if (text === undefined) return undefined
  const raw = JSON.parse(text) as ReportJob
  const attempt = (a: LastAttempt): LastAttempt => ({
    at: new Date(a.at),
    entity: a.entity,
    region: a.region,
  })
  return {
    jobId: raw.jobId,
    arn: raw.arn,
    granularity: raw.granularity,
    createdAt: new Date(raw.createdAt),
    completedAt: new Date(raw.completedAt),
    services: raw.services.map((s) => ({
      namespace: s.namespace,
      name: s.name,
      ...(s.last ? { last: attempt(s.last) } : {}),
      totalEntities: s.totalEntities,
      ...(s.actions
        ? {
            actions: s.actions.map((a) => ({
              at: new Date(a.at),
              entity: a.entity,
              region: a.region,
              name: a.name,
            })),
          }
        : {}),
    })),
  }
}

/** A reported service → the IAM `ServiceLastAccessed` shape. */
export function toServiceLastAccessed(service: ReportedService): Record<string, unknown> {
  return {
    ServiceName: service.name,
    ServiceNamespace: service.namespace,
    ...(service.last
      ? {
          LastAuthenticated: service.last.at,
          LastAuthenticatedEntity: service.last.entity,
          LastAuthenticatedRegion: service.last.region,
        }
      : {}),
    TotalAuthenticatedEntities: service.totalEntities,
    ...(service.actions
      ? {
          TrackedActionsLastAccessed: service.actions.map((a) => ({
            ActionName: a.name,
            LastAccessedEntity: a.entity,
            LastAccessedTime: a.at,
            LastAccessedRegion: a.region,
          })),
        }
      : {}),
  }
}
