import {
  GetOpenIDConnectProviderCommand,
  ListOpenIDConnectProvidersCommand,
  paginateListRoles,
  type Role,
} from '@aws-sdk/client-iam'
import type { Clients } from '../clients.js'
import { Link } from '../components/link.js'
import { LoadStatus } from '../components/status.js'
import { useLoad } from '../components/use-load.js'
import { decodePolicy, trustedEntities } from '../trust.js'

interface Provider {
  readonly arn: string
  readonly url: string
  readonly audiences: readonly string[]
  readonly thumbprints: readonly string[]
  readonly roles: readonly string[]
}

async function loadProviders(clients: Clients): Promise<Provider[]> {
  const listed = await clients.iam.send(new ListOpenIDConnectProvidersCommand({}))
  const roles: Role[] = []
  for await (const page of paginateListRoles({ client: clients.iam }, {})) roles.push(...(page.Roles ?? []))
  return Promise.all(
    (listed.OpenIDConnectProviderList ?? []).map(async ({ Arn }): Promise<Provider> => {
      const got = await clients.iam.send(
        new GetOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: Arn }),
      )
      return {
        arn: Arn!,
        url: got.Url ?? '',
        audiences: got.ClientIDList ?? [],
        thumbprints: got.ThumbprintList ?? [],
        roles: roles
          .filter((role) =>
            trustedEntities(decodePolicy(role.AssumeRolePolicyDocument)).some(
              (e) => e.kind === 'Identity provider' && e.value === Arn,
            ),
          )
          .map((role) => role.RoleName ?? ''),
      }
    }),
  )
}

/** OIDC identity providers: URL, audiences, thumbprints, and the roles whose trust policy names each. */
export function IdentityProvidersPage(props: { readonly clients: Clients }) {
  const state = useLoad(() => loadProviders(props.clients), [props.clients])
  return (
    <section>
      <h1>Identity providers</h1>
      <LoadStatus state={state} what="identity providers" />
      {state.data && state.data.length === 0 && <p>No OpenID Connect providers.</p>}
      {state.data?.map((p) => (
        <section key={p.arn} className="card" aria-label={`Provider ${p.url}`}>
          <h2>{p.url}</h2>
          <dl className="facts">
            <dt>ARN</dt>
            <dd>{p.arn}</dd>
            <dt>Audiences</dt>
            <dd>{p.audiences.join(', ') || '—'}</dd>
            <dt>Thumbprints</dt>
            <dd>{p.thumbprints.join(', ') || '—'}</dd>
            <dt>Roles that trust it</dt>
            <dd>
              {p.roles.length === 0
                ? 'None'
                : p.roles.map((name, i) => (
                    <span key={name}>
                      {i > 0 && ', '}
                      <Link to={`/roles/${encodeURIComponent(name)}?tab=trust`}>{name}</Link>
                    </span>
                  ))}
            </dd>
          </dl>
        </section>
      ))}
    </section>
  )
}
