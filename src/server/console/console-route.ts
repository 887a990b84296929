import type { IncomingMessage, ServerResponse } from 'node:http'
import type { SideRoute } from '../http.js'
import { handleSignIn, type SignInRouteOptions } from './sign-in-route.js'
import { handleSignOut, type SignOutFunction } from './sign-out-route.js'
import { CONSOLE_SECURITY_HEADERS, serveStatic } from './static-files.js'

/** The URL path the console is served under. */
export const CONSOLE_PATH = '/console'

/** What the console route needs: the built console's folder and the sign-in endpoint's dependencies. */
export interface ConsoleRouteOptions extends SignInRouteOptions {
  /** The folder `npm run build:console` writes (dist/console). */
  readonly root: string
  /** Ends a password sign-in's session on the server (`POST /console/api/signout`). */
  readonly signOut: SignOutFunction
}

const clientIp = (request: IncomingMessage): string => {
  const address = request.socket.remoteAddress ?? '0.0.0.0'
  return address.startsWith('::ffff:') ? address.slice(7) : address
}

/**
 * `/console` and everything below it: `POST /console/api/signin` and `/signout`, the console's static files, and index.html
 * for the console's own routes. `/console` redirects to `/console/`.
 */
export function consoleRoute(options: ConsoleRouteOptions): SideRoute {
  return async (request: IncomingMessage, response: ServerResponse) => {
    const url = request.url ?? '/'
    const queryAt = url.indexOf('?')
    const path = queryAt < 0 ? url : url.slice(0, queryAt)
    if (path === CONSOLE_PATH) {
      response.writeHead(302, { location: `${CONSOLE_PATH}/`, ...CONSOLE_SECURITY_HEADERS })
      response.end()
      return
    }
    const relative = path.slice(CONSOLE_PATH.length + 1)
    if (relative === 'api/signin') {
      await handleSignIn(options, request, response, clientIp(request))
      return
    }
    if (relative === 'api/signout') {
      await handleSignOut(options.signOut, request, response)
      return
    }
    const method = request.method ?? 'GET'
    if (method !== 'GET' && method !== 'HEAD') {
      response.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' })
      response.end('Method not allowed\n')
      return
    }
    const encoding = request.headers['accept-encoding']
    await serveStatic(options.root, relative === '' ? 'index.html' : relative, method, response, encoding)
  }
}
