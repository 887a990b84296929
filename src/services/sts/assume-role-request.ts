import type { ContextValue } from '../../policy/index.js'
import type { AuthorizationRequest, OperationContext } from '../operation.js'
import { notAuthorized, rootCannotAssume } from './errors.js'
import { verifyMfa } from './mfa-check.js'
import { sessionClaimsOf } from './session-caller.js'
import type { SessionClaims } from './session-claims.js'
import { readSessionPolicies, type SessionPolicyInput } from './session-policies.js'
import { requestTagContext, type SessionTagSet, sessionTags } from './session-tags.js'
import type { StsEnv } from './sts-env.js'
import { loadTargetRole, type TargetRole } from './target-role.js'

/** An AssumeRole request, checked and with its role loaded, between authorization and run. */
export interface PreparedAssumeRole {
  readonly role: TargetRole
  readonly caller: SessionClaims | undefined
  readonly sessionName: string
  readonly tags: SessionTagSet
  readonly policies: SessionPolicyInput
  readonly sourceIdentity?: string
  readonly mfaAuthenticatedAt?: number
  readonly requests: readonly AuthorizationRequest[]
}

/**
 * Checks an AssumeRole request and builds its authorizations (reference 4.5): `sts:AssumeRole` on the role
 * with its trust policy as the resource policy, plus `sts:TagSession` and `sts:SetSourceIdentity` when needed.
 * A role that does not exist is the same AccessDenied as a refusal.
 */
export async function prepareAssumeRole(
  ctx: OperationContext,
  env: StsEnv,
  input: Record<string, unknown>,
): Promise<PreparedAssumeRole> {
  const caller = ctx.caller!
  const roleArnInput = String(input.RoleArn)
  if (caller.principal.type === 'Account') throw rootCannotAssume()
  const claims = sessionClaimsOf(caller)
  // AWS: GetFederationToken sessions cannot call STS beyond GetCallerIdentity.
  if (claims?.kind === 'FederatedUser') throw notAuthorized(caller, 'sts:AssumeRole', roleArnInput)
  const sessionName = String(input.RoleSessionName)
  const tags = sessionTags(input, claims)
  const requested = typeof input.SourceIdentity === 'string' ? input.SourceIdentity : undefined
  const role = await loadTargetRole(ctx.store, env.loader, roleArnInput)
  if (role === undefined) throw notAuthorized(caller, 'sts:AssumeRole', roleArnInput)
  // AWS: a source identity, once set, persists down the chain and cannot be changed.
  if (requested !== undefined && claims?.sourceIdentity !== undefined && requested !== claims.sourceIdentity)
    throw notAuthorized(caller, 'sts:SetSourceIdentity', role.arn)
  const policies = readSessionPolicies(input, role.role.accountId)
  const mfaAuthenticatedAt = await mfaInstant(ctx, input, claims)
  const context = assumeContext(ctx, input, role, tags, mfaAuthenticatedAt)
  const base = {
    resource: role.arn,
    resourceAccount: role.role.accountId,
    resourcePolicy: role.trust,
    context,
  }
  const requests: AuthorizationRequest[] = [{ action: 'sts:AssumeRole', ...base }]
  if (tags.requested.length > 0 || tags.requestedTransitive.length > 0 || tags.inherited.length > 0)
    requests.push({ action: 'sts:TagSession', ...base })
  if (requested !== undefined) requests.push({ action: 'sts:SetSourceIdentity', ...base })
  const sourceIdentity = claims?.sourceIdentity ?? requested
  return {
    role,
    caller: claims,
    sessionName,
    tags,
    policies,
    ...(sourceIdentity !== undefined ? { sourceIdentity } : {}),
    ...(mfaAuthenticatedAt !== undefined ? { mfaAuthenticatedAt } : {}),
    requests,
  }
}

/** When MFA was authenticated: by a valid SerialNumber + TokenCode in this call, or by the calling session. */
async function mfaInstant(
  ctx: OperationContext,
  input: Record<string, unknown>,
  claims: SessionClaims | undefined,
): Promise<number | undefined> {
  if (typeof input.SerialNumber === 'string' && typeof input.TokenCode === 'string') {
    const principal = ctx.caller!.principal
    const userId = principal.type === 'User' ? principal.uniqueId : undefined
    return (await verifyMfa(ctx.store, userId, input.SerialNumber, input.TokenCode, ctx.now)).getTime()
  }
  return claims?.mfaAuthenticatedAt
}

/** The request context of the AssumeRole authorizations (reference 4.5). */
function assumeContext(
  ctx: OperationContext,
  input: Record<string, unknown>,
  role: TargetRole,
  tags: SessionTagSet,
  mfaAuthenticatedAt: number | undefined,
): Record<string, ContextValue> {
  const context: Record<string, ContextValue> = { 'sts:RoleSessionName': String(input.RoleSessionName) }
  if (typeof input.ExternalId === 'string') context['sts:ExternalId'] = input.ExternalId
  if (typeof input.SourceIdentity === 'string') context['sts:SourceIdentity'] = input.SourceIdentity
  if (tags.requestedTransitive.length > 0) context['sts:TransitiveTagKeys'] = tags.requestedTransitive
  Object.assign(context, requestTagContext(tags.tags))
  // AWS: aws:ResourceTag holds the role's tags, overridden by the caller's incoming transitive tags.
  const resourceTags = new Map<string, string>()
  for (const tag of role.role.tags) resourceTags.set(tag.key.toLowerCase(), tag.value)
  for (const [key, value] of tags.inherited) resourceTags.set(key.toLowerCase(), value)
  for (const [key, value] of resourceTags) context[`aws:ResourceTag/${key}`] = value
  if (mfaAuthenticatedAt !== undefined) {
    context['aws:MultiFactorAuthPresent'] = 'true'
    context['aws:MultiFactorAuthAge'] = String(
      Math.max(0, Math.floor((ctx.now.getTime() - mfaAuthenticatedAt) / 1000)),
    )
  }
  return context
}
