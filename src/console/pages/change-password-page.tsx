import { ChangePasswordCommand } from '@aws-sdk/client-iam'
import { type FormEvent, useState } from 'react'
import { type Clients, errorText } from '../clients.js'
import { type ConsoleSession, saveSession } from '../session.js'

/** The password change a user whose login profile requires a reset makes before using the console (ChangePassword). */
export function ChangePasswordPage(props: {
  readonly clients: Clients
  readonly session: ConsoleSession
  readonly onChanged: (session: ConsoleSession) => void
  readonly onCancel: () => void
}) {
  const [error, setError] = useState<string>()
  const [busy, setBusy] = useState(false)
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const data = new FormData(event.currentTarget)
    const field = (name: string) => String(data.get(name) ?? '')
    if (field('newPassword') !== field('confirmPassword')) {
      setError('The new passwords do not match.')
      return
    }
    setBusy(true)
    setError(undefined)
    try {
      await props.clients.iam.send(
        new ChangePasswordCommand({ OldPassword: field('oldPassword'), NewPassword: field('newPassword') }),
      )
      const { passwordResetRequired: _, ...rest } = props.session
      saveSession(rest)
      props.onChanged(rest)
    } catch (thrown) {
      setError(errorText(thrown))
    } finally {
      setBusy(false)
    }
  }
  return (
    <main className="sign-in" id="main">
      <h1>Change your password</h1>
      <p>Your administrator requires a new password before you use the console.</p>
      <form onSubmit={submit} aria-label="Change password">
        <label htmlFor="oldPassword">Current password</label>
        <input id="oldPassword" name="oldPassword" type="password" required autoComplete="current-password" />
        <label htmlFor="newPassword">New password</label>
        <input id="newPassword" name="newPassword" type="password" required autoComplete="new-password" />
        <label htmlFor="confirmPassword">Confirm new password</label>
        <input
          id="confirmPassword"
          name="confirmPassword"
          type="password"
          required
          autoComplete="new-password"
        />
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        <button type="submit" disabled={busy}>
          {busy ? 'Changing…' : 'Change password'}
        </button>{' '}
        <button type="button" onClick={props.onCancel}>
          Sign out
        </button>
      </form>
    </main>
  )
}
