import {
  GenerateServiceLastAccessedDetailsCommand,
  GetServiceLastAccessedDetailsCommand,
  type Role,
  type ServiceLastAccessed,
} from '@aws-sdk/client-iam'
import type { Clients } from '../clients.js'
import { LoadStatus } from '../components/status.js'
import { useLoad } from '../components/use-load.js'
import { ago } from './roles-page.js'

/** How long to wait between polls of a job that is still IN_PROGRESS (AWS finishes jobs asynchronously). */
const POLL_MS = 1000

/** Generates an ACTION_LEVEL report on `arn` and reads all of it once the job is COMPLETED. */
export async function lastAccessedReport(clients: Clients, arn: string): Promise<ServiceLastAccessed[]> {
  const { JobId } = await clients.iam.send(
    new GenerateServiceLastAccessedDetailsCommand({ Arn: arn, Granularity: 'ACTION_LEVEL' }),
  )
  const services: ServiceLastAccessed[] = []
  let marker: string | undefined
  for (;;) {
    const page = await clients.iam.send(
      new GetServiceLastAccessedDetailsCommand({ JobId, ...(marker ? { Marker: marker } : {}) }),
    )
    if (page.JobStatus === 'IN_PROGRESS') {
      await new Promise((resolve) => setTimeout(resolve, POLL_MS))
      continue
    }
    if (page.JobStatus === 'FAILED') throw new Error(page.Error?.Message ?? 'The report failed.')
    services.push(...(page.ServicesLastAccessed ?? []))
    if (!page.IsTruncated) return services
    marker = page.Marker
  }
}

/** Services accessed most recently first, then the services never accessed by name (as the IAM console orders them). */
function byLastAccess(a: ServiceLastAccessed, b: ServiceLastAccessed): number {
  const at = a.LastAuthenticated?.getTime() ?? -1
  const bt = b.LastAuthenticated?.getTime() ?? -1
  return bt - at || (a.ServiceName ?? '').localeCompare(b.ServiceName ?? '')
}

/** The Last accessed tab: every service the role's permissions policies allow, and when the role last tried each. */
export function RoleLastAccessed(props: { readonly clients: Clients; readonly role: Role }) {
  const state = useLoad(
    async () => (await lastAccessedReport(props.clients, props.role.Arn!)).sort(byLastAccess),
    [props.clients, props.role.Arn],
  )
  return (
    <div>
      <h2>Last accessed</h2>
      <p>
        The services this role's permissions policies allow, and the last attempt (allowed or denied) the
        audit trail shows in the last 400 days.{' '}
        <button type="button" onClick={state.reload} disabled={state.loading}>
          Refresh
        </button>
      </p>
      <LoadStatus state={state} what="last accessed information" />
      {state.data && state.data.length === 0 && <p>The role's policies allow no service.</p>}
      {state.data && state.data.length > 0 && (
        <table aria-label="Last accessed per service">
          <thead>
            <tr>
              <th scope="col">Service</th>
              <th scope="col">Last accessed</th>
              <th scope="col">Region</th>
              <th scope="col">Actions accessed</th>
            </tr>
          </thead>
          <tbody>
            {state.data.map((service) => (
              <tr key={service.ServiceNamespace} data-namespace={service.ServiceNamespace}>
                <td>
                  {service.ServiceName} <code>{service.ServiceNamespace}</code>
                </td>
                <td>
                  {service.LastAuthenticated ? (
                    <time dateTime={service.LastAuthenticated.toISOString()}>
                      {ago(service.LastAuthenticated)}
                    </time>
                  ) : (
                    'Not accessed in the tracking period'
                  )}
                </td>
                <td>{service.LastAuthenticatedRegion ?? '—'}</td>
                <td>
                  {(service.TrackedActionsLastAccessed ?? []).map((action) => action.ActionName).join(', ') ||
                    '—'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  )
}
