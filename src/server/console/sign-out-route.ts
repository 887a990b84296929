import type { IncomingMessage, ServerResponse } from 'node:http'
import { readBody } from '../read-body.js'
import { answer, fromConsolePage } from './sign-in-route.js'

/** Ends a console session given its access key id and session token; false when they are not a live console session. */
export type SignOutFunction = (accessKeyId: string, sessionToken: string) => Promise<boolean>

const MAX_BODY_BYTES = 8192

function parseKeys(body: Uint8Array): { accessKeyId: string; sessionToken: string } | undefined {
  try {
    const value = JSON.parse(Buffer.from(body).toString('utf8')) as Record<string, unknown> | null
    const { accessKeyId, sessionToken } = value ?? {}
    if (typeof accessKeyId !== 'string' || typeof sessionToken !== 'string') return undefined
    return { accessKeyId, sessionToken }
  } catch {
    return undefined
  }
}

/**
 * `POST /console/api/signout` with `{accessKeyId, sessionToken}` of a password sign-in: the server records the
 * sign-out, and every later request signed with that session is refused (InvalidClientTokenId). Holding the
 * session token is the proof; the same console-page checks as the sign-in apply.
 */
export async function handleSignOut(
  signOut: SignOutFunction,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  if (request.method !== 'POST') {
    response.setHeader('allow', 'POST')
    answer(response, 405, { error: 'Method not allowed.' })
    return
  }
  if (!fromConsolePage(request)) {
    answer(response, 403, { error: 'Sign-out requests must come from the console page.' })
    return
  }
  let body: Uint8Array
  try {
    body = await readBody(request, MAX_BODY_BYTES)
  } catch {
    answer(response, 413, { error: 'The sign-out request is too large.' })
    return
  }
  const keys = parseKeys(body)
  if (keys === undefined) {
    answer(response, 400, { error: 'The access key ID and session token are required.' })
    return
  }
  if (!(await signOut(keys.accessKeyId, keys.sessionToken))) {
    answer(response, 401, { error: 'The credentials are not a console session.' })
    return
  }
  answer(response, 200, { signedOut: true })
}
