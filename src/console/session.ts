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
