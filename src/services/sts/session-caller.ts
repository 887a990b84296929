import { isoSeconds } from '../../kernel/iso-seconds.js'
import type { ContextValue, EvaluablePolicy, PrincipalFacts } from '../../policy/index.js'
import type { Store } from '../../store/index.js'
import type { PolicyLoader } from '../iam/index.js'
import type { Caller } from '../operation.js'
import type { SessionClaims } from './session-claims.js'

const iso = isoSeconds

/** A GetSessionToken session is its user's, or the account root's. */
const sessionTokenType = (claims: SessionClaims): 'User' | 'Account' =>
  claims.principalArn.endsWith(':root') ? 'Account' : 'User'

/** The principal facts of a session. */
function sessionPrincipal(claims: SessionClaims, hasBoundary: boolean): PrincipalFacts {
  const type = claims.kind === 'SessionToken' ? sessionTokenType(claims) : claims.kind
  return {
    type,
    arn: claims.arn,
    account: claims.accountId,
    principalArn: claims.principalArn,
    uniqueId: claims.uniqueId,
    hasBoundary,
    ...(claims.parentUserArn ? { parentUserArn: claims.parentUserArn } : {}),
    ...(claims.federatedProvider ? { federatedProvider: claims.federatedProvider } : {}),
  }
}

/** The context keys a session carries into every request (reference 4.7), at request time `now`. */
function sessionContext(
  claims: SessionClaims,
  entityTags: readonly { key: string; value: string }[],
  now: Date,
): Map<string, ContextValue> {
  const context = new Map<string, ContextValue>([
    ['aws:principalarn', claims.principalArn],
    ['aws:principalaccount', claims.accountId],
    ['aws:principaltype', claims.kind === 'SessionToken' ? sessionTokenType(claims) : claims.kind],
    // Milliseconds kept, so a session issued just after an AWSRevokeOlderSessions instant is not caught by it.
    ['aws:tokenissuetime', new Date(claims.issuedAt).toISOString()],
    ['aws:multifactorauthpresent', String(claims.mfaAuthenticatedAt !== undefined)],
  ])
  if (claims.kind === 'AssumedRole') context.set('aws:userid', `${claims.uniqueId}:${claims.sessionName}`)
  else if (claims.kind === 'FederatedUser')
    context.set('aws:userid', `${claims.accountId}:${claims.sessionName}`)
  else {
    context.set('aws:userid', claims.uniqueId)
    context.set('aws:username', claims.principalArn.slice(claims.principalArn.lastIndexOf('/') + 1))
  }
  if (claims.mfaAuthenticatedAt !== undefined) {
    context.set(
      'aws:multifactorauthage',
      String(Math.max(0, Math.floor((now.getTime() - claims.mfaAuthenticatedAt) / 1000))),
    )
  }
  // AWS: session tags override the entity's tags with the same key (compared ignoring case).
  for (const tag of entityTags) context.set(`aws:principaltag/${tag.key.toLowerCase()}`, tag.value)
  for (const [key, value] of claims.tags ?? []) context.set(`aws:principaltag/${key.toLowerCase()}`, value)
  if (claims.sourceIdentity !== undefined) context.set('aws:sourceidentity', claims.sourceIdentity)
  if (claims.federatedProvider !== undefined) context.set('aws:federatedprovider', claims.federatedProvider)
  for (const [key, value] of Object.entries(claims.webIdentityKeys ?? {}))
    context.set(key.toLowerCase(), value)
  return context
}

/** The session policies: the inline `Policy` and the current default versions of the `PolicyArns`. */
async function sessionPolicies(
  store: Store,
  loader: PolicyLoader,
  claims: SessionClaims,
): Promise<EvaluablePolicy[]> {
  const out: EvaluablePolicy[] = []
  if (claims.sessionPolicy !== undefined) {
    const policy = loader.evaluable(claims.sessionPolicy, 'session')
    if (policy !== undefined) out.push(policy)
  }
  for (const arn of claims.policyArns ?? []) {
    const record = await store.policies.getByArn(arn)
    const document = record && (await loader.defaultDocument(store, record.id))
    const policy = document === undefined ? undefined : loader.evaluable(document, 'session')
    if (policy !== undefined) out.push(policy)
  }
  return out
}

const CLAIMS = new WeakMap<Caller, SessionClaims>()

/** The session claims behind a caller built by `sessionCaller`; undefined for long-term credentials. */
export const sessionClaimsOf = (caller: Caller | undefined): SessionClaims | undefined =>
  caller === undefined ? undefined : CLAIMS.get(caller)

/** What a session's caller derives from the store: its entity's tags and policies, and its session policies. */
export interface SessionBasis {
  readonly entityTags: readonly { key: string; value: string }[]
  readonly hasBoundary: boolean
  readonly identity: readonly EvaluablePolicy[]
  readonly boundaries: readonly EvaluablePolicy[]
  readonly session: readonly EvaluablePolicy[]
}

/** Reads the entity's current policies and boundary, and the session's policies. */
export async function loadSessionBasis(
  store: Store,
  loader: PolicyLoader,
  claims: SessionClaims,
): Promise<SessionBasis> {
  const isRole = claims.kind === 'AssumedRole'
  const entity = isRole ? await store.roles.get(claims.uniqueId) : await store.users.get(claims.uniqueId)
  const owner = { kind: isRole ? ('role' as const) : ('user' as const), id: claims.uniqueId }
  const [identity, boundaries, session] = await Promise.all([
    entity ? loader.identityPolicies(store, owner) : Promise.resolve([]),
    loader.boundary(store, entity?.permissionsBoundaryArn),
    sessionPolicies(store, loader, claims),
  ])
  const groupPolicies =
    !isRole && entity
      ? await Promise.all(
          (await store.groups.listForUser(entity.id)).map((g) =>
            loader.identityPolicies(store, { kind: 'group', id: g.id }),
          ),
        )
      : []
  return {
    entityTags: entity?.tags ?? [],
    hasBoundary: entity?.permissionsBoundaryArn !== undefined,
    identity: [...identity, ...groupPolicies.flat()],
    boundaries,
    session,
  }
}

/** The caller of a request signed with session credentials, at request time `now`. */
export function sessionCaller(claims: SessionClaims, basis: SessionBasis, now: Date): Caller {
  const caller: Caller = {
    principal: sessionPrincipal(claims, basis.hasBoundary),
    accessKeyId: claims.accessKeyId,
    context: sessionContext(claims, basis.entityTags, now),
    identity: basis.identity,
    boundaries: basis.boundaries,
    session: basis.session,
    userIdentity: userIdentityOf(claims),
  }
  CLAIMS.set(caller, claims)
  return caller
}

/** The CloudTrail userIdentity of a session, with its sessionContext. */
function userIdentityOf(claims: SessionClaims): Record<string, unknown> {
  const sessionContext = {
    attributes: {
      creationDate: iso(claims.issuedAt),
      mfaAuthenticated: String(claims.mfaAuthenticatedAt !== undefined),
    },
    ...(claims.kind === 'AssumedRole'
      ? {
          sessionIssuer: {
            type: 'Role',
            principalId: claims.uniqueId,
            arn: claims.principalArn,
            accountId: claims.accountId,
            userName: claims.principalArn.slice(claims.principalArn.lastIndexOf('/') + 1),
          },
        }
      : {}),
    ...(claims.sourceIdentity ? { sourceIdentity: claims.sourceIdentity } : {}),
  }
  const type = claims.kind === 'SessionToken' ? 'IAMUser' : claims.kind
  const principalId =
    claims.kind === 'AssumedRole' ? `${claims.uniqueId}:${claims.sessionName}` : claims.uniqueId
  return {
    type,
    principalId,
    arn: claims.arn,
    accountId: claims.accountId,
    accessKeyId: claims.accessKeyId,
    ...(claims.kind === 'SessionToken'
      ? { userName: claims.principalArn.slice(claims.principalArn.lastIndexOf('/') + 1) }
      : {}),
    sessionContext,
  }
}
