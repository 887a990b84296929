import { GetCallerIdentityCommand } from '@aws-sdk/client-sts'
import { type FormEvent, useState } from 'react'
import { errorText, makeClients } from '../clients.js'
import { type ConsoleSession, saveSession } from '../session.js'

type Method = 'password' | 'access-key'

/** Posts the password form to the server's sign-in endpoint; answers the session or throws the server's text. */
async function passwordSignIn(form: {
  account: string
  userName: string
  password: string
  mfaCode: string
}): Promise<ConsoleSession | 'mfa-required'> {
  const response = await fetch(`${import.meta.env.BASE_URL}api/signin`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-lanyard-console': '1' },
    body: JSON.stringify(form.mfaCode ? form : withoutMfaCode(form)),
    credentials: 'omit',
  })
  const body = (await response.json()) as {
    error?: string
    mfaRequired?: boolean
    credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken: string; expiration: string }
    passwordResetRequired?: boolean
  }
  if (response.ok && body.credentials)
    return {
      accessKeyId: body.credentials.accessKeyId,
      secretAccessKey: body.credentials.secretAccessKey,
      sessionToken: body.credentials.sessionToken,
      expiration: body.credentials.expiration,
      method: 'password',
      ...(body.passwordResetRequired ? { passwordResetRequired: true } : {}),
    }
  if (body.mfaRequired && !form.mfaCode) return 'mfa-required'
  throw new Error(body.error ?? `Sign-in failed (HTTP ${response.status}).`)
}

/** Sign-in with an IAM user's password (and MFA code), or with an access key. */
export function SignInPage(props: { readonly onSignedIn: (session: ConsoleSession) => void }) {
  const [method, setMethod] = useState<Method>('password')
  const [error, setError] = useState<string>()
  const [busy, setBusy] = useState(false)
  const [needMfa, setNeedMfa] = useState(false)
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const data = new FormData(event.currentTarget)
    const field = (name: string) => String(data.get(name) ?? '').trim()
    setBusy(true)
    setError(undefined)
    try {
      let session: ConsoleSession
      if (method === 'password') {
        const answer = await passwordSignIn({
          account: field('account'),
          userName: field('userName'),
          password: String(data.get('password') ?? ''),
          mfaCode: field('mfaCode'),
        })
        if (answer === 'mfa-required') {
          setNeedMfa(true)
          setError('Enter the code from your MFA device.')
          return
        }
        session = answer
      } else {
        const token = field('sessionToken')
        session = {
          accessKeyId: field('accessKeyId'),
          secretAccessKey: field('secretAccessKey'),
          method,
          ...(token ? { sessionToken: token } : {}),
        }
        // The keys are checked by a signed call before they are kept.
        await makeClients(session).sts.send(new GetCallerIdentityCommand({}))
      }
      saveSession(session)
      props.onSignedIn(session)
    } catch (thrown) {
      setError(errorText(thrown))
    } finally {
      setBusy(false)
    }
  }
  return (
    <main className="sign-in" id="main">
      <h1>Sign in to Lanyard</h1>
      <fieldset className="method">
        <legend>Sign in with</legend>
        <label>
          <input
            type="radio"
            name="method"
            checked={method === 'password'}
            onChange={() => setMethod('password')}
          />
          IAM user name and password
        </label>
        <label>
          <input
            type="radio"
            name="method"
            checked={method === 'access-key'}
            onChange={() => setMethod('access-key')}
          />
          Access key
        </label>
      </fieldset>
      <form onSubmit={submit} aria-label="Sign in">
        {method === 'password' ? (
          <>
            <label htmlFor="account">Account ID or alias</label>
            <input id="account" name="account" required autoComplete="organization" />
            <label htmlFor="userName">IAM user name</label>
            <input id="userName" name="userName" required autoComplete="username" />
            <label htmlFor="password">Password</label>
            <input id="password" name="password" type="password" required autoComplete="current-password" />
            {needMfa && (
              <>
                <label htmlFor="mfaCode">MFA code</label>
                <input
                  id="mfaCode"
                  name="mfaCode"
                  inputMode="numeric"
                  pattern="[0-9]{6}"
                  autoComplete="one-time-code"
                  required
                />
              </>
            )}
          </>
        ) : (
          <>
            <label htmlFor="accessKeyId">Access key ID</label>
            <input id="accessKeyId" name="accessKeyId" required autoComplete="off" spellCheck={false} />
            <label htmlFor="secretAccessKey">Secret access key</label>
            <input id="secretAccessKey" name="secretAccessKey" type="password" required autoComplete="off" />
            <label htmlFor="sessionToken">Session token (optional)</label>
            <input id="sessionToken" name="sessionToken" autoComplete="off" spellCheck={false} />
          </>
        )}
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        <button type="submit" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
      <p className="muted">Credentials are kept in this browser tab only and forgotten when you sign out.</p>
    </main>
  )
}

/** The form without its empty MFA code: the server reads a missing code as "none given". */
function withoutMfaCode<T extends { mfaCode: string }>(form: T): Omit<T, 'mfaCode'> {
  const { mfaCode: _empty, ...rest } = form
  return rest
}
