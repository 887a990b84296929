import { parseArn } from '../../kernel/arn.js'
import { type JwksCache, type VerifiedWebIdentity, verifyWebIdentityToken } from '../../oidc/index.js'
import type { ContextValue, PrincipalFacts } from '../../policy/index.js'
import type { AuthorizationRequest, OperationContext } from '../operation.js'
import { invalidParameterValue } from './errors.js'
import { requestTagContext } from './session-tags.js'
import type { StsEnv } from './sts-env.js'
import { loadTargetRole, type TargetRole } from './target-role.js'

/** AWS: the AccessDenied text of a refused web-identity call. */
const NOT_AUTHORIZED = 'Not authorized to perform sts:AssumeRoleWithWebIdentity'

/** An AssumeRoleWithWebIdentity request with its token verified and its role loaded. */
export interface PreparedWebIdentity {
  readonly verified: VerifiedWebIdentity
  /** Undefined when the role does not exist; the trust evaluation then refuses the call. */
  readonly role: TargetRole | undefined
  readonly principal: PrincipalFacts
  readonly requests: readonly AuthorizationRequest[]
}

/**
 * Verifies the token against the OIDC providers of the role's account (reference 5.6, steps 1–6) and
 * builds the trust-policy authorizations (step 7): `sts:AssumeRoleWithWebIdentity`, plus `sts:TagSession`
 * and `sts:SetSourceIdentity` when the token carries tags or a source identity.
 */
export async function prepareWebIdentity(
  ctx: OperationContext,
  env: StsEnv,
  jwks: JwksCache,
  input: Record<string, unknown>,
): Promise<PreparedWebIdentity> {
  const roleArn = String(input.RoleArn)
  const account = parseArn(roleArn)?.account ?? ''
  const verified = await verifyWebIdentityToken(
    String(input.WebIdentityToken),
    async (host) => {
      const provider = await ctx.store.oidcProviders.getByUrl(account, host)
      return (
        provider && { arn: provider.arn, clientIds: provider.clientIds, thumbprints: provider.thumbprints }
      )
    },
    jwks,
    ctx.now,
  )
  checkTransitiveKeys(verified)
  const role = await loadTargetRole(ctx.store, env.loader, roleArn)
  const principal: PrincipalFacts = {
    type: 'WebIdentity',
    arn: verified.provider.arn,
    account: '',
    principalArn: verified.provider.arn,
    federatedProvider: verified.provider.arn,
  }
  // The token's keys are `<provider>:sub|aud|azp|amr`: they never name the two keys written out here.
  const context: Record<string, ContextValue> = {
    'sts:RoleSessionName': String(input.RoleSessionName),
    'aws:FederatedProvider': verified.provider.arn,
    ...verified.keys,
    ...requestTagContext(verified.tags),
  }
  if (verified.transitiveTagKeys.length > 0) context['sts:TransitiveTagKeys'] = verified.transitiveTagKeys
  if (verified.sourceIdentity !== undefined) context['sts:SourceIdentity'] = verified.sourceIdentity
  // A missing role is refused like an untrusting one: an empty trust policy allows nothing.
  const base = {
    resource: role?.arn ?? roleArn,
    resourceAccount: account,
    resourcePolicy: role?.trust ?? { matching: () => [] },
    principal,
    deniedMessage: NOT_AUTHORIZED,
    context,
  }
  const requests: AuthorizationRequest[] = [{ action: 'sts:AssumeRoleWithWebIdentity', ...base }]
  if (verified.tags.length > 0) requests.push({ action: 'sts:TagSession', ...base })
  if (verified.sourceIdentity !== undefined) requests.push({ action: 'sts:SetSourceIdentity', ...base })
  return { verified, role, principal, requests }
}

function checkTransitiveKeys(verified: VerifiedWebIdentity): void {
  const keys = new Set(verified.tags.map(([key]) => key.toLowerCase()))
  for (const key of verified.transitiveTagKeys)
    if (!keys.has(key.toLowerCase()))
      throw invalidParameterValue('The specified transitive tag key must be included in the requested tags.')
}
