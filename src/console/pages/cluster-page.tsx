import {
  ListOpenIDConnectProvidersCommand,
  type OpenIDConnectProviderListEntry,
  paginateListRoles,
  type Role,
} from '@aws-sdk/client-iam'
import { paginateGetResources, type ResourceTagMapping } from '@aws-sdk/client-resource-groups-tagging-api'
import { useEffect } from 'react'
import type { Clients } from '../clients.js'
import type { Cluster } from '../cluster-client.js'
import { Link } from '../components/link.js'
import { LoadStatus } from '../components/status.js'
import { useLoad } from '../components/use-load.js'

/** States in which the install log still grows; the page refreshes every few seconds while in one. */
const ACTIVE = new Set(['pending', 'installing', 'uninstalling'])
const REFRESH_MS = 3000

const roleName = (arn: string): string => arn.slice(arn.lastIndexOf('/') + 1)

function RoleLink(props: { readonly arn?: string }) {
  if (!props.arn) return <>—</>
  const name = roleName(props.arn)
  return (
    <span>
      <Link to={`/roles/${encodeURIComponent(name)}`}>{name}</Link> <span className="muted">{props.arn}</span>
    </span>
  )
}

/** The operator roles (IAM roles named `<prefix>-…`) of the cluster's operator role prefix. */
async function operatorRoles(clients: Clients, prefix: string): Promise<Role[]> {
  const roles: Role[] = []
  for await (const page of paginateListRoles({ client: clients.iam }, {}))
    roles.push(...(page.Roles ?? []).filter((r) => r.RoleName?.startsWith(`${prefix}-`)))
  return roles
}

/** The IAM OIDC provider whose URL is the issuer of the cluster's OIDC configuration (its path is the id). */
async function oidcProvider(
  clients: Clients,
  id: string,
): Promise<OpenIDConnectProviderListEntry | undefined> {
  const listed = await clients.iam.send(new ListOpenIDConnectProvidersCommand({}))
  return listed.OpenIDConnectProviderList?.find((p) => p.Arn?.endsWith(`/${id}`))
}

function OperatorRoles(props: { readonly clients: Clients; readonly prefix?: string }) {
  const prefix = props.prefix
  const state = useLoad(
    async () => (prefix ? operatorRoles(props.clients, prefix) : []),
    [props.clients, prefix],
  )
  if (!prefix) return <p>The cluster records no operator role prefix.</p>
  return (
    <>
      <p>
        Prefix <code>{prefix}</code> (IAM roles whose name starts with it).
      </p>
      <LoadStatus state={state} what="the operator roles" />
      {state.data && state.data.length === 0 && <p>No IAM role has this prefix.</p>}
      {state.data && state.data.length > 0 && (
        <ul aria-label="Operator roles">
          {state.data.map((role) => (
            <li key={role.RoleId}>
              <RoleLink arn={role.Arn} />
            </li>
          ))}
        </ul>
      )}
    </>
  )
}

function OidcConfiguration(props: { readonly clients: Clients; readonly id?: string }) {
  const id = props.id
  const state = useLoad(async () => (id ? oidcProvider(props.clients, id) : undefined), [props.clients, id])
  if (!id) return <p>The cluster records no OIDC configuration.</p>
  return (
    <dl className="facts">
      <dt>Configuration ID</dt>
      <dd>{id}</dd>
      <dt>IAM identity provider</dt>
      <dd>
        <LoadStatus state={state} what="the identity provider" />
        {state.data?.Arn ? (
          <Link to="/identity-providers">{state.data.Arn}</Link>
        ) : (
          !state.loading && !state.error && 'None whose URL ends with this id'
        )}
      </dd>
    </dl>
  )
}

/** The resources tagged `kubernetes.io/cluster/<infra-id>: owned` (Resource Groups Tagging API GetResources). */
async function taggedResources(clients: Clients, infraId: string): Promise<ResourceTagMapping[]> {
  const found: ResourceTagMapping[] = []
  const filter = { TagFilters: [{ Key: `kubernetes.io/cluster/${infraId}`, Values: ['owned'] }] }
  for await (const page of paginateGetResources({ client: clients.tagging }, filter))
    found.push(...(page.ResourceTagMappingList ?? []))
  return found.sort((a, b) => (a.ResourceARN ?? '').localeCompare(b.ResourceARN ?? ''))
}

/** `service:type` of an ARN (`ec2:vpc`, `elasticloadbalancing:loadbalancer`, `route53:hostedzone`). */
function kindOf(arn: string): string {
  const [, , service = '', , , rest = ''] = arn.split(':')
  return `${service}:${rest.split(/[/:]/)[0] ?? ''}`
}

function TaggedResources(props: { readonly clients: Clients; readonly cluster: Cluster }) {
  const state = useLoad(
    () => taggedResources(props.clients, props.cluster.infra_id),
    [props.clients, props.cluster],
  )
  return (
    <>
      <h3>Tagged AWS resources</h3>
      <LoadStatus state={state} what="the tagged resources" />
      {state.data && state.data.length === 0 && <p>No resource carries the cluster's tag.</p>}
      {state.data && state.data.length > 0 && (
        <table aria-label="Tagged resources">
          <thead>
            <tr>
              <th scope="col">Type</th>
              <th scope="col">Name</th>
              <th scope="col">ARN</th>
            </tr>
          </thead>
          <tbody>
            {state.data.map((r) => (
              <tr key={r.ResourceARN}>
                <td>{kindOf(r.ResourceARN ?? '')}</td>
                <td>{r.Tags?.find((t) => t.Key === 'Name')?.Value ?? '—'}</td>
                <td>{r.ResourceARN}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  )
}

function InstallProgress(props: { readonly clients: Clients; readonly cluster: Cluster }) {
  const state = useLoad(
    () => props.clients.clusters.installLog(props.cluster.id),
    // A refreshed cluster is a new object: the log is read again with it.
    [props.clients, props.cluster],
  )
  const lines = state.data?.content.split('\n').filter((line) => line !== '') ?? []
  return (
    <>
      <LoadStatus state={state} what="the install log" />
      {state.data && lines.length === 0 && <p>The install log is empty (the installer has not started).</p>}
      {lines.length > 0 && (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: the scrollable log must be reachable by keyboard.
        <pre className="json" role="log" aria-label="Install log" tabIndex={0} data-testid="install-log">
          {lines.join('\n')}
        </pre>
      )}
    </>
  )
}

function ClusterDetails(props: { readonly clients: Clients; readonly cluster: Cluster }) {
  const c = props.cluster
  const sts = c.aws.sts
  return (
    <>
      <section className="card" aria-labelledby="cluster-state">
        <h2 id="cluster-state">State</h2>
        <dl className="facts">
          <dt>State</dt>
          <dd data-testid="cluster-state">{c.state}</dd>
          <dt>Description</dt>
          <dd>{c.status.description || '—'}</dd>
          <dt>ID</dt>
          <dd>{c.id}</dd>
          <dt>Region</dt>
          <dd>{c.region.id}</dd>
          <dt>Version</dt>
          <dd>{c.version.id}</dd>
          <dt>Created</dt>
          <dd>{new Date(c.creation_timestamp).toLocaleString()}</dd>
        </dl>
      </section>
      <section className="card" aria-labelledby="cluster-install">
        <h2 id="cluster-install">Install progress</h2>
        <InstallProgress clients={props.clients} cluster={c} />
      </section>
      <section className="card" aria-labelledby="cluster-account-roles">
        <h2 id="cluster-account-roles">Account roles</h2>
        <dl className="facts">
          <dt>Installer</dt>
          <dd>
            <RoleLink arn={sts.role_arn} />
          </dd>
          <dt>Support</dt>
          <dd>
            <RoleLink arn={sts.support_role_arn} />
          </dd>
          <dt>Control plane</dt>
          <dd>
            <RoleLink arn={sts.instance_iam_roles.master_role_arn} />
          </dd>
          <dt>Worker</dt>
          <dd>
            <RoleLink arn={sts.instance_iam_roles.worker_role_arn} />
          </dd>
          <dt>External ID</dt>
          <dd>{sts.external_id ?? '—'}</dd>
        </dl>
      </section>
      <section className="card" aria-labelledby="cluster-operator-roles">
        <h2 id="cluster-operator-roles">Operator roles</h2>
        <OperatorRoles clients={props.clients} prefix={sts.operator_role_prefix} />
      </section>
      <section className="card" aria-labelledby="cluster-oidc">
        <h2 id="cluster-oidc">OIDC configuration</h2>
        <OidcConfiguration clients={props.clients} id={sts.oidc_config?.id} />
      </section>
      <section className="card" aria-labelledby="cluster-resources">
        <h2 id="cluster-resources">Resources</h2>
        <dl className="facts">
          <dt>Infrastructure ID</dt>
          <dd>{c.infra_id}</dd>
          <dt>AWS account</dt>
          <dd>{c.aws.account_id}</dd>
          <dt>Availability zones</dt>
          <dd>{c.multi_az ? 'Multi-AZ (three zones)' : 'Single zone'}</dd>
          <dt>Nodes</dt>
          <dd>
            {c.nodes.master ?? '—'} control plane, {c.nodes.infra ?? '—'} infra, {c.nodes.compute} compute
          </dd>
          <dt>Base domain</dt>
          <dd>{c.dns.base_domain}</dd>
          <dt>API URL</dt>
          <dd>{c.api.url}</dd>
          <dt>Console URL</dt>
          <dd>{c.console?.url ?? '—'}</dd>
        </dl>
        <p className="muted">
          The AWS resources the installer made carry the tag{' '}
          <code>kubernetes.io/cluster/{c.infra_id}: owned</code>.
        </p>
        <TaggedResources clients={props.clients} cluster={c} />
      </section>
    </>
  )
}

/** One cluster: its state, install log, account and operator roles, OIDC configuration and resources. */
export function ClusterPage(props: { readonly clients: Clients; readonly id: string }) {
  const state = useLoad(() => props.clients.clusters.getCluster(props.id), [props.clients, props.id])
  const { reload } = state
  const active = state.data !== undefined && ACTIVE.has(state.data.state)
  useEffect(() => {
    if (!active) return
    const timer = window.setInterval(reload, REFRESH_MS)
    return () => window.clearInterval(timer)
  }, [active, reload])
  return (
    <section>
      <p className="crumbs">
        <Link to="/clusters">Clusters</Link> › {state.data?.name ?? props.id}
      </p>
      <h1>{state.data?.name ?? props.id}</h1>
      <LoadStatus state={state} what="the cluster" />
      {state.data && (
        <>
          <p>
            <button type="button" onClick={reload}>
              Refresh
            </button>{' '}
            {active && (
              <span className="muted">
                Refreshing every {REFRESH_MS / 1000} s while {state.data.state}.
              </span>
            )}
          </p>
          <ClusterDetails clients={props.clients} cluster={state.data} />
        </>
      )}
    </section>
  )
}
