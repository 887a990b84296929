import { LookupEventsCommand } from '@aws-sdk/client-cloudtrail'
import {
  GetRolePolicyCommand,
  ListRolePoliciesCommand,
  PutRolePolicyCommand,
  type Role,
} from '@aws-sdk/client-iam'
import { useRef, useState } from 'react'
import { REVOKE_POLICY_NAME, revokeOlderSessionsPolicy } from '../../policy/index.js'
import { type Clients, errorText } from '../clients.js'
import { LoadStatus } from '../components/status.js'
import { useLoad } from '../components/use-load.js'

/** One session of the role found in the audit trail. */
export interface RoleSession {
  readonly eventId: string
  readonly eventName: string
  readonly sessionName: string
  readonly issuedBy: string
  readonly accessKeyId: string
  readonly issuedAt: Date
  readonly expiresAt: Date
}

/** The members of an AssumeRole* CloudTrail event the Sessions tab reads. */
interface AssumeRoleEvent {
  readonly errorCode?: string
  readonly userIdentity?: { readonly arn?: string; readonly type?: string }
  readonly requestParameters?: { readonly roleSessionName?: string }
  readonly responseElements?: {
    readonly credentials?: { readonly accessKeyId?: string; readonly expiration?: string }
  }
}

/** The instant in the role's AWSRevokeOlderSessions policy; undefined when the role has none. */
async function revokedBefore(clients: Clients, roleName: string): Promise<Date | undefined> {
  // Listed first: asking for a policy the role does not have would log a 404 in the browser's console.
  const names = await clients.iam.send(new ListRolePoliciesCommand({ RoleName: roleName, MaxItems: 1000 }))
  if (!(names.PolicyNames ?? []).includes(REVOKE_POLICY_NAME)) return undefined
  const got = await clients.iam.send(
    new GetRolePolicyCommand({ RoleName: roleName, PolicyName: REVOKE_POLICY_NAME }),
  )
  const at = /"aws:TokenIssueTime":"([^"]+)"/.exec(decodeURIComponent(got.PolicyDocument ?? ''))?.[1]
  return at ? new Date(at) : undefined
}

/**
 * The role's sessions still within their lifetime: successful AssumeRole* events naming the role in the last
 * maximum session duration (CloudTrail LookupEvents by ResourceName), not yet expired.
 */
async function activeSessions(clients: Clients, role: Role, now: Date): Promise<RoleSession[]> {
  const start = new Date(now.getTime() - (role.MaxSessionDuration ?? 3600) * 1000)
  const out: RoleSession[] = []
  let token: string | undefined
  do {
    const page = await clients.cloudtrail.send(
      new LookupEventsCommand({
        LookupAttributes: [{ AttributeKey: 'ResourceName', AttributeValue: role.Arn }],
        StartTime: start,
        EndTime: now,
        MaxResults: 50,
        ...(token ? { NextToken: token } : {}),
      }),
    )
    for (const event of page.Events ?? []) {
      if (!event.EventName?.startsWith('AssumeRole')) continue
      const detail = JSON.parse(event.CloudTrailEvent ?? '{}') as AssumeRoleEvent
      if (detail.errorCode) continue
      const credentials = detail.responseElements?.credentials ?? {}
      const expiresAt = new Date(credentials.expiration ?? 0)
      if (expiresAt.getTime() <= now.getTime()) continue
      out.push({
        eventId: event.EventId ?? '',
        eventName: event.EventName,
        sessionName: detail.requestParameters?.roleSessionName ?? '',
        issuedBy: detail.userIdentity?.arn ?? detail.userIdentity?.type ?? '',
        accessKeyId: credentials.accessKeyId ?? '',
        issuedAt: new Date(event.EventTime ?? 0),
        expiresAt,
      })
    }
    token = page.NextToken
  } while (token)
  return out
}

/**
 * The server's clock (its health route's `time`, which follows the database server's), so the revocation covers
 * the sessions every process issued before it whatever the browser's clock says; the browser's clock otherwise.
 */
async function serverNow(): Promise<Date> {
  try {
    const { time } = (await (await fetch('/_lanyard/health')).json()) as { time?: unknown }
    const at = typeof time === 'string' ? new Date(time) : undefined
    if (at !== undefined && !Number.isNaN(at.getTime())) return at
  } catch {
    // An older server without `time`: the browser's clock.
  }
  return new Date()
}

/** The Sessions tab: active sessions from the audit trail, and "Revoke active sessions" with a confirmation. */
export function RoleSessions(props: { readonly clients: Clients; readonly role: Role }) {
  const state = useLoad(async () => {
    const now = new Date()
    const [sessions, revoked] = await Promise.all([
      activeSessions(props.clients, props.role, now),
      revokedBefore(props.clients, props.role.RoleName!),
    ])
    return { sessions, revoked }
  }, [props.clients, props.role.Arn])
  const dialog = useRef<HTMLDialogElement>(null)
  const [error, setError] = useState<string>()
  const [busy, setBusy] = useState(false)
  const revoke = async () => {
    setBusy(true)
    setError(undefined)
    try {
      await props.clients.iam.send(
        new PutRolePolicyCommand({
          RoleName: props.role.RoleName,
          PolicyName: REVOKE_POLICY_NAME,
          PolicyDocument: revokeOlderSessionsPolicy(await serverNow()),
        }),
      )
      dialog.current?.close()
      state.reload()
    } catch (thrown) {
      setError(errorText(thrown))
    } finally {
      setBusy(false)
    }
  }
  const revoked = state.data?.revoked
  return (
    <div>
      <h2>Active sessions</h2>
      <p className="muted">
        Sessions issued for this role within its maximum session duration, from the audit trail.
        {revoked && ` Sessions issued before ${revoked.toISOString()} are revoked.`}
      </p>
      <LoadStatus state={state} what="sessions" />
      {state.data && state.data.sessions.length === 0 && <p>No active sessions.</p>}
      {state.data && state.data.sessions.length > 0 && (
        <table aria-label="Active sessions">
          <thead>
            <tr>
              <th scope="col">Session name</th>
              <th scope="col">Issued by</th>
              <th scope="col">Access key</th>
              <th scope="col">Issued</th>
              <th scope="col">Expires</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {state.data.sessions.map((s) => (
              <tr key={s.eventId}>
                <td>{s.sessionName}</td>
                <td>{s.issuedBy}</td>
                <td>{s.accessKeyId}</td>
                <td>{s.issuedAt.toISOString()}</td>
                <td>{s.expiresAt.toISOString()}</td>
                <td>{revoked && s.issuedAt.getTime() <= revoked.getTime() ? 'Revoked' : 'Active'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <button type="button" className="danger" onClick={() => dialog.current?.showModal()}>
        Revoke active sessions
      </button>
      <dialog ref={dialog} aria-labelledby="revoke-title">
        <h3 id="revoke-title">Revoke all active sessions?</h3>
        <p>
          This adds the inline policy {REVOKE_POLICY_NAME} to {props.role.RoleName}: every session issued
          before now is denied every action. New sessions are not affected.
        </p>
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        <button type="button" className="danger" onClick={revoke} disabled={busy}>
          {busy ? 'Revoking…' : 'Revoke active sessions'}
        </button>{' '}
        <button type="button" onClick={() => dialog.current?.close()}>
          Cancel
        </button>
      </dialog>
    </div>
  )
}
