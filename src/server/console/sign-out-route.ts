import type { IncomingMessage, ServerResponse } from 'node:http'
import { answer, readConsoleApiRequest } from './console-api-request.js'

/** Ends a console session given its access key id and session token; false when they are not a live console session. */
export type SignOutFunction = (accessKeyId: string, sessionToken: string) => Promise<boolean>

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
  const keys = await readConsoleApiRequest(request, response, {
    name: 'sign-out',
    parse: parseKeys,
    invalidText: 'The access key ID and session token are required.',
  })
  if (keys === undefined) return
  if (!(await signOut(keys.accessKeyId, keys.sessionToken))) {
    answer(response, 401, { error: 'The credentials are not a console session.' })
    return
  }
  answer(response, 200, { signedOut: true })
}
