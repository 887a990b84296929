import { GetRoleCommand } from '@aws-sdk/client-iam'
import type { Clients } from '../clients.js'
import { Link } from '../components/link.js'
import { LoadStatus } from '../components/status.js'
import { Tabs } from '../components/tabs.js'
import { useLoad } from '../components/use-load.js'
import { navigate } from '../router.js'
import { RoleLastAccessed } from './role-last-accessed.js'
import { RolePermissions } from './role-permissions.js'
import { RoleSessions } from './role-sessions.js'
import { RoleTags } from './role-tags.js'
import { RoleTrust } from './role-trust.js'
import { ago } from './roles-page.js'

const TABS = [
  { id: 'permissions', label: 'Permissions' },
  { id: 'trust', label: 'Trust relationships' },
  { id: 'tags', label: 'Tags' },
  { id: 'last-accessed', label: 'Last accessed' },
  { id: 'sessions', label: 'Sessions' },
] as const

const hours = (n: number): string => `${n} hour${n === 1 ? '' : 's'}`

/** One role: its summary and the Permissions, Trust relationships, Tags, Last accessed and Sessions tabs. */
export function RolePage(props: { readonly clients: Clients; readonly name: string; readonly tab: string }) {
  const state = useLoad(
    async () => (await props.clients.iam.send(new GetRoleCommand({ RoleName: props.name }))).Role!,
    [props.clients, props.name],
  )
  const role = state.data
  const tab = TABS.some((t) => t.id === props.tab) ? props.tab : 'permissions'
  const select = (id: string) => navigate(`/roles/${encodeURIComponent(props.name)}?tab=${id}`)
  return (
    <section>
      <p className="crumbs">
        <Link to="/roles">Roles</Link> › {props.name}
      </p>
      <h1>{props.name}</h1>
      <LoadStatus state={state} what="the role" />
      {role && (
        <>
          <dl className="facts">
            <dt>ARN</dt>
            <dd>{role.Arn}</dd>
            <dt>Created</dt>
            <dd>{role.CreateDate?.toISOString()}</dd>
            <dt>Last activity</dt>
            <dd>
              {ago(role.RoleLastUsed?.LastUsedDate)}
              {role.RoleLastUsed?.Region ? ` (${role.RoleLastUsed.Region})` : ''}
            </dd>
            <dt>Maximum session duration</dt>
            <dd>{hours((role.MaxSessionDuration ?? 3600) / 3600)}</dd>
            {role.Description && (
              <>
                <dt>Description</dt>
                <dd>{role.Description}</dd>
              </>
            )}
          </dl>
          <Tabs label="Role details" tabs={TABS} selected={tab} onSelect={select} />
          <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`} className="panel">
            {tab === 'permissions' && <RolePermissions clients={props.clients} role={role} />}
            {tab === 'trust' && <RoleTrust clients={props.clients} role={role} onSaved={state.reload} />}
            {tab === 'tags' && <RoleTags clients={props.clients} role={role} />}
            {tab === 'last-accessed' && <RoleLastAccessed clients={props.clients} role={role} />}
            {tab === 'sessions' && <RoleSessions clients={props.clients} role={role} />}
          </div>
        </>
      )}
    </section>
  )
}
