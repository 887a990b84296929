import { GetCallerIdentityCommand } from '@aws-sdk/client-sts'
import { useMemo, useState } from 'react'
import { type Clients, makeClients } from './clients.js'
import { Link } from './components/link.js'
import { useLoad } from './components/use-load.js'
import { AuditPage } from './pages/audit-page.js'
import { ChangePasswordPage } from './pages/change-password-page.js'
import { ClusterPage } from './pages/cluster-page.js'
import { ClustersPage } from './pages/clusters-page.js'
import { IdentityProvidersPage } from './pages/identity-providers-page.js'
import { PoliciesPage } from './pages/policies-page.js'
import { RolePage } from './pages/role-page.js'
import { RolesPage } from './pages/roles-page.js'
import { SignInPage } from './pages/sign-in-page.js'
import { SimulatorPage } from './pages/simulator-page.js'
import { UsersPage } from './pages/users-page.js'
import { type Route, useRoute } from './router.js'
import { type ConsoleSession, clearSession, endServerSession, loadSession } from './session.js'

const SECTIONS = [
  { to: '/roles', label: 'Roles' },
  { to: '/policies', label: 'Policies' },
  { to: '/users', label: 'Users' },
  { to: '/identity-providers', label: 'Identity providers' },
  { to: '/clusters', label: 'Clusters' },
  { to: '/audit', label: 'Audit trail' },
  { to: '/simulator', label: 'Policy simulator' },
] as const

/** The page for a route. */
function page(route: Route, clients: Clients) {
  const [, section, name] = route.path.split('/')
  switch (section) {
    case '':
    case 'roles':
      return name ? (
        <RolePage
          clients={clients}
          name={decodeURIComponent(name)}
          tab={route.query.get('tab') ?? 'permissions'}
        />
      ) : (
        <RolesPage clients={clients} />
      )
    case 'policies':
      return <PoliciesPage clients={clients} />
    case 'users':
      return <UsersPage clients={clients} />
    case 'identity-providers':
      return <IdentityProvidersPage clients={clients} />
    case 'clusters':
      return name ? (
        <ClusterPage clients={clients} id={decodeURIComponent(name)} />
      ) : (
        <ClustersPage clients={clients} />
      )
    case 'audit':
      return <AuditPage clients={clients} />
    case 'simulator':
      return <SimulatorPage clients={clients} />
    default:
      return (
        <section>
          <h1>Page not found</h1>
          <p>
            <Link to="/roles">Go to the roles</Link>
          </p>
        </section>
      )
  }
}

/** The console: the sign-in page, or the navigation and the page of the current route. */
export function App() {
  const [session, setSession] = useState<ConsoleSession | undefined>(() => loadSession())
  const route = useRoute()
  const clients = useMemo(() => (session ? makeClients(session) : undefined), [session])
  const identity = useLoad(
    async () => (clients ? clients.sts.send(new GetCallerIdentityCommand({})) : undefined),
    [clients],
  )
  if (session === undefined || clients === undefined) return <SignInPage onSignedIn={setSession} />
  const signOut = async () => {
    // The browser forgets the credentials even when the server cannot be reached; an expired session is gone anyway.
    await endServerSession(session).catch(() => false)
    clearSession()
    setSession(undefined)
  }
  if (session.passwordResetRequired)
    return (
      <ChangePasswordPage clients={clients} session={session} onChanged={setSession} onCancel={signOut} />
    )
  const section = `/${route.path.split('/')[1] || 'roles'}`
  return (
    <div className="shell">
      <header className="top">
        <a className="skip" href="#main">
          Skip to content
        </a>
        <span className="brand">Lanyard</span>
        <span className="who" data-testid="signed-in-as">
          {identity.data?.Arn ?? ''}
        </span>
        <button type="button" onClick={signOut}>
          Sign out
        </button>
      </header>
      <nav aria-label="Console sections" className="side">
        <ul>
          {SECTIONS.map((item) => (
            <li key={item.to}>
              <Link to={item.to} current={section === item.to}>
                {item.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main" tabIndex={-1}>
        {page(route, clients)}
      </main>
    </div>
  )
}
