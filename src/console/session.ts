/** The signed-in principal's credentials, kept in sessionStorage (this tab only, gone when it closes). */
export interface ConsoleSession {
  readonly accessKeyId: string
  readonly secretAccessKey: string
  readonly sessionToken?: string
  /** ISO instant the credentials expire, for password sign-ins. */
  readonly expiration?: string
  /** How the user signed in. */
  readonly method: 'access-key' | 'password'
  /** Set when the login profile asks for a new password; the console shows only the password change until then. */
  readonly passwordResetRequired?: boolean
}

const KEY = 'lanyard.console.session'

/** The stored session, or undefined when there is none or it has expired. */
export function loadSession(now: Date = new Date()): ConsoleSession | undefined {
  const text = sessionStorage.getItem(KEY)
  if (text === null) return undefined
  try {
    const session = JSON.parse(text) as ConsoleSession
    if (session.expiration !== undefined && Date.parse(session.expiration) <= now.getTime()) {
      clearSession()
      return undefined
    }
    return session
  } catch {
    clearSession()
    return undefined
  }
}

/** Keeps the session for this tab. */
export function saveSession(session: ConsoleSession): void {
  sessionStorage.setItem(KEY, JSON.stringify(session))
}

/** Forgets the session (sign-out). */
export function clearSession(): void {
  sessionStorage.removeItem(KEY)
}

/**
 * Ends a password sign-in's session on the server (`POST /console/api/signout`), so its credentials stop working
 * everywhere; access-key sign-ins have no server session to end. Resolves false when the server refused.
 */
export async function endServerSession(session: ConsoleSession): Promise<boolean> {
  if (session.method !== 'password' || session.sessionToken === undefined) return true
  const response = await fetch(`${import.meta.env.BASE_URL}api/signout`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-lanyard-console': '1' },
    body: JSON.stringify({ accessKeyId: session.accessKeyId, sessionToken: session.sessionToken }),
    credentials: 'omit',
  })
  return response.ok
}
