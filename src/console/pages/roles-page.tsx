import { GetRoleCommand, paginateListRoles, type Role } from '@aws-sdk/client-iam'
import { useState } from 'react'
import type { Clients } from '../clients.js'
import { Link } from '../components/link.js'
import { LoadStatus } from '../components/status.js'
import { useLoad } from '../components/use-load.js'
import { decodePolicy, trustedEntities, trustedEntitiesText } from '../trust.js'

/** "3 days ago"-style text of an instant. */
export function ago(at: Date | undefined, now: Date = new Date()): string {
  if (at === undefined) return '—'
  const minutes = Math.floor((now.getTime() - at.getTime()) / 60_000)
  if (minutes < 1) return 'Just now'
  if (minutes < 60) return `${minutes} minute${minutes === 1 ? '' : 's'} ago`
  const hours = Math.floor(minutes / 60)
  if (hours < 48) return `${hours} hour${hours === 1 ? '' : 's'} ago`
  return `${Math.floor(hours / 24)} days ago`
}

/** Every role of the account, each with its last activity (ListRoles does not carry RoleLastUsed; GetRole does). */
async function loadRoles(clients: Clients): Promise<Role[]> {
  const roles: Role[] = []
  for await (const page of paginateListRoles({ client: clients.iam }, {})) roles.push(...(page.Roles ?? []))
  const detailed: Role[] = []
  for (let i = 0; i < roles.length; i += 8) {
    const batch = await Promise.all(
      roles.slice(i, i + 8).map(async (role) => {
        try {
          return (await clients.iam.send(new GetRoleCommand({ RoleName: role.RoleName }))).Role ?? role
        } catch {
          return role
        }
      }),
    )
    detailed.push(...batch)
  }
  return detailed
}

/** The roles list: search by name, trusted entities, last activity. */
export function RolesPage(props: { readonly clients: Clients }) {
  const [search, setSearch] = useState('')
  const state = useLoad(() => loadRoles(props.clients), [props.clients])
  const term = search.trim().toLowerCase()
  const roles = (state.data ?? []).filter((role) => (role.RoleName ?? '').toLowerCase().includes(term))
  return (
    <section>
      <h1>Roles</h1>
      <label htmlFor="role-search">Search roles</label>
      <input
        id="role-search"
        type="search"
        value={search}
        onChange={(event) => setSearch(event.target.value)}
        placeholder="Role name"
      />
      <LoadStatus state={state} what="roles" />
      {state.data && (
        <table aria-label="Roles">
          <caption>
            {roles.length} of {state.data.length} roles
          </caption>
          <thead>
            <tr>
              <th scope="col">Role name</th>
              <th scope="col">Trusted entities</th>
              <th scope="col">Last activity</th>
            </tr>
          </thead>
          <tbody>
            {roles.map((role) => (
              <tr key={role.RoleId}>
                <th scope="row">
                  <Link to={`/roles/${encodeURIComponent(role.RoleName ?? '')}`}>{role.RoleName}</Link>
                </th>
                <td>{trustedEntitiesText(trustedEntities(decodePolicy(role.AssumeRolePolicyDocument)))}</td>
                <td>{ago(role.RoleLastUsed?.LastUsedDate)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}
