import { useEffect, useState } from 'react'

/** The console's URL prefix (Vite's base, `/console/`). */
const BASE = import.meta.env.BASE_URL

/** The console route of the current location: the path below the base, and the query. */
export interface Route {
  readonly path: string
  readonly query: URLSearchParams
}

function currentRoute(): Route {
  const path = window.location.pathname.startsWith(BASE) ? window.location.pathname.slice(BASE.length) : ''
  return { path: `/${path}`.replace(/\/+$/, '') || '/', query: new URLSearchParams(window.location.search) }
}

/** Goes to a console path (`/roles/x?tab=trust`) without reloading the page. */
export function navigate(to: string): void {
  window.history.pushState(null, '', `${BASE}${to.replace(/^\//, '')}`)
  window.dispatchEvent(new PopStateEvent('popstate'))
}

/** The full href of a console path, for links. */
export const href = (to: string): string => `${BASE}${to.replace(/^\//, '')}`

/** The current route, updated on navigation. */
export function useRoute(): Route {
  const [route, setRoute] = useState(currentRoute)
  useEffect(() => {
    const update = () => setRoute(currentRoute())
    window.addEventListener('popstate', update)
    return () => window.removeEventListener('popstate', update)
  }, [])
  return route
}
