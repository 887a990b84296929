import type { IncomingMessage, ServerResponse } from 'node:http'
import type { AuditEventRecord } from '../../store/index.js'
import { answer, readConsoleApiRequest } from './console-api-request.js'
import { consoleLoginEvent } from './console-login-event.js'

/** What the sign-in endpoint hands the server: the form, and where it came from. */
export interface SignInForm {
  readonly account: string
  readonly userName: string
  readonly password: string
  readonly mfaCode?: string
}

/** The outcome the server's sign-in function answers (the STS console sign-in). */
export type SignInOutcome =
  | {
      readonly ok: true
      readonly credentials: {
        readonly AccessKeyId: string
        readonly SecretAccessKey: string
        readonly SessionToken: string
        readonly Expiration: Date
      }
      readonly accountId: string
      readonly userId: string
      readonly userName: string
      readonly userArn: string
      readonly mfaUsed: boolean
      readonly passwordResetRequired: boolean
    }
  | {
      readonly ok: false
      readonly reason: 'failed' | 'mfa-required' | 'mfa-failed'
      readonly accountId?: string
      readonly userName?: string
    }

/** Signs a user in; the composition root binds it to the store and the sealing-key ring. */
export type SignInFunction = (form: SignInForm, sourceIp: string) => Promise<SignInOutcome>

/** What the sign-in endpoint needs. */
export interface SignInRouteOptions {
  readonly signIn: SignInFunction
  readonly now: () => Date
  readonly record: (event: AuditEventRecord) => void
}

/** AWS: the console's one text for a wrong account, user name or password. */
const FAILED_TEXT = 'Your authentication information is incorrect. Please try again.'

function parseForm(body: Uint8Array): SignInForm | undefined {
  let value: unknown
  try {
    value = JSON.parse(Buffer.from(body).toString('utf8'))
  } catch {
    return undefined
  }
  if (value === null || typeof value !== 'object') return undefined
  const { account, userName, password, mfaCode } = value as Record<string, unknown>
  if (typeof account !== 'string' || typeof userName !== 'string' || typeof password !== 'string')
    return undefined
  if (mfaCode !== undefined && typeof mfaCode !== 'string') return undefined
  return { account: account.trim(), userName: userName.trim(), password, ...(mfaCode ? { mfaCode } : {}) }
}

/**
 * `POST /console/api/signin` with `{account, userName, password, mfaCode?}`: answers the temporary credentials of
 * the user (kept by the page in sessionStorage; no cookie is set, so there is nothing for a forged request to
 * ride on). Every attempt that names an account is audited as a `ConsoleLogin` event.
 */
export async function handleSignIn(
  options: SignInRouteOptions,
  request: IncomingMessage,
  response: ServerResponse,
  sourceIp: string,
): Promise<void> {
  const form = await readConsoleApiRequest(request, response, {
    name: 'sign-in',
    parse: parseForm,
    invalidText: 'Account, user name and password are required.',
  })
  if (form === undefined) return
  const outcome = await options.signIn(form, sourceIp)
  if (!outcome.ok && outcome.reason === 'mfa-required') {
    answer(response, 401, { mfaRequired: true, error: 'Enter the code from your MFA device.' })
    return
  }
  if (outcome.ok || outcome.accountId !== undefined) {
    options.record(
      consoleLoginEvent({
        at: options.now(),
        ok: outcome.ok,
        ...(outcome.accountId ? { accountId: outcome.accountId } : {}),
        ...(outcome.userName ? { userName: outcome.userName } : {}),
        ...(outcome.ok ? { userId: outcome.userId, userArn: outcome.userArn } : {}),
        mfaUsed: outcome.ok ? outcome.mfaUsed : outcome.reason === 'mfa-failed',
        sourceIp,
        userAgent: String(request.headers['user-agent'] ?? ''),
        loginTo: `${'encrypted' in request.socket ? 'https' : 'http'}://${request.headers.host ?? ''}/console/`,
      }),
    )
  }
  if (!outcome.ok) {
    answer(response, 401, {
      error: FAILED_TEXT,
      ...(outcome.reason === 'mfa-failed' ? { mfaRequired: true } : {}),
    })
    return
  }
  answer(response, 200, {
    credentials: {
      accessKeyId: outcome.credentials.AccessKeyId,
      secretAccessKey: outcome.credentials.SecretAccessKey,
      sessionToken: outcome.credentials.SessionToken,
      expiration: outcome.credentials.Expiration.toISOString(),
    },
    accountId: outcome.accountId,
    userName: outcome.userName,
    arn: outcome.userArn,
    ...(outcome.passwordResetRequired ? { passwordResetRequired: true } : {}),
  })
}
