import {
  ACCOUNT,
  ALLOW,
  ANY_RESOURCE_ALLOW,
  DENY,
  DIRECT,
  flagsOf,
  IMPLICIT_DENY,
  layerLabel,
  pushRefs,
  ROLE,
} from './decide-reasons.js'
import { resourcePolicyRequired } from './decide-trust.js'
import type {
  Decision,
  EvaluablePolicy,
  MatchedStatement,
  PolicySet,
  RequestFacts,
  StatementRef,
} from './decision.js'
import type { PrincipalType } from './principal.js'

const NO_MATCHES: readonly MatchedStatement[] = Object.freeze([])
const NO_POLICIES: readonly EvaluablePolicy[] = Object.freeze([])

/** Which identity-side layers an Allow decision cites (bit set). */
const CITE_IDENTITY = 1
const CITE_LIMITS = 2

/**
 * The matched statements of every policy of one request: `resource`, then in `lists` the identity lists
 * (`ni` of them), the boundary lists (`nb`) and the session lists. Kept as plain arguments, not an object,
 * because this is the hot path.
 */
type Lists = readonly (readonly MatchedStatement[])[]

/**
 * Combines every applicable policy type using AWS's evaluation logic: explicit deny anywhere, then the
 * resource policy by kind of principal match, then identity ∩ boundary ∩ session, with the cross-account
 * and role-trust rules. Never throws: a policy that throws while matching yields an implicit deny.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html
 */
export function decide(request: RequestFacts, policies: PolicySet): Decision {
  try {
    return decideOrThrow(request, policies)
  } catch {
    return IMPLICIT_DENY
  }
}

function decideOrThrow(request: RequestFacts, policies: PolicySet): Decision {
  const identity = policies.identity ?? NO_POLICIES
  const boundaries = policies.boundaries ?? NO_POLICIES
  const session = policies.session ?? NO_POLICIES
  const ni = identity.length
  const nb = boundaries.length
  const ns = session.length
  const resource = policies.resource ? policies.resource.matching(request) : NO_MATCHES
  const rf = flagsOf(resource, true)
  const lists: (readonly MatchedStatement[])[] = new Array(ni + nb + ns)
  const idf = scanLayer(identity, request, lists, 0)
  const bf = scanLayer(boundaries, request, lists, ni)
  const sf = scanLayer(session, request, lists, ni + nb)

  // 1. An explicit Deny in any policy wins.
  if (((rf | idf | bf | sf) & DENY) !== 0) return explicitDeny(resource, lists, ni, nb)

  const principal = request.principal
  const type = principal.type
  // Web-identity, SAML, service and anonymous callers have no identity half: the resource policy alone decides.
  if (!hasIdentityHalf(type))
    return (rf & DIRECT) !== 0 ? allow(resource, lists, ni, nb, DIRECT, 0) : IMPLICIT_DENY

  const boundaryOk = nb === 0 || (bf & ALLOW) !== 0
  // AWS: a GetFederationToken session without a session policy has no identity-based permissions.
  const sessionOk = ns === 0 ? type !== 'FederatedUser' : (sf & ALLOW) !== 0
  const limitsOk = boundaryOk && sessionOk
  // AWS: the root user has no identity policies; it is allowed unless something denies it.
  const root = type === 'Account'
  const principalSide = (root || (idf & ALLOW) !== 0) && limitsOk
  const citeSide = root ? CITE_LIMITS : CITE_IDENTITY | CITE_LIMITS

  const resourceAccount = request.resourceAccount
  if (resourceAccount && principal.account && resourceAccount !== principal.account) {
    // Cross-account: both the resource policy (any principal match) and the principal's own side must allow.
    return (rf & ANY_RESOURCE_ALLOW) !== 0 && principalSide
      ? allow(resource, lists, ni, nb, ANY_RESOURCE_ALLOW, citeSide)
      : IMPLICIT_DENY
  }
  // Same account. A direct match ignores implicit denies of identity, boundary and session policies.
  if ((rf & DIRECT) !== 0) return allow(resource, lists, ni, nb, DIRECT, 0)
  // A role-ARN (or parent-user) match is still limited by the boundary and the session policy.
  if ((rf & ROLE) !== 0 && limitsOk) return allow(resource, lists, ni, nb, ROLE, CITE_LIMITS)
  if (!principalSide) return IMPLICIT_DENY
  if (resourcePolicyRequired(request.action, request.resource)) {
    // AWS: for a role's trust policy or a KMS key policy an identity Allow alone never suffices;
    // a resource policy that names only the account needs one.
    return (rf & ACCOUNT) !== 0 ? allow(resource, lists, ni, nb, ACCOUNT, citeSide) : IMPLICIT_DENY
  }
  return allow(resource, lists, ni, nb, 0, citeSide)
}

/** Matches every policy of a layer, stores the lists from `offset` on and returns their combined flags. */
function scanLayer(
  policies: readonly EvaluablePolicy[],
  request: RequestFacts,
  lists: (readonly MatchedStatement[])[],
  offset: number,
): number {
  let flags = 0
  for (let i = 0; i < policies.length; i++) {
    const matches = policies[i]!.matching(request)
    lists[offset + i] = matches
    flags |= flagsOf(matches, false)
  }
  return flags
}

function hasIdentityHalf(type: PrincipalType): boolean {
  return type === 'User' || type === 'AssumedRole' || type === 'FederatedUser' || type === 'Account'
}

function explicitDeny(resource: readonly MatchedStatement[], lists: Lists, ni: number, nb: number): Decision {
  const reasons: StatementRef[] = []
  pushRefs(reasons, 'resource', resource, 'Deny', 0)
  pushLayers(reasons, lists, ni, nb, 'Deny', CITE_IDENTITY | CITE_LIMITS)
  return { effect: 'ExplicitDeny', reasons }
}

/** An Allow citing the resource-policy Allows of `resourceKinds` and the identity-side layers in `cite`. */
function allow(
  resource: readonly MatchedStatement[],
  lists: Lists,
  ni: number,
  nb: number,
  resourceKinds: number,
  cite: number,
): Decision {
  const reasons: StatementRef[] = []
  if (resourceKinds !== 0) pushRefs(reasons, 'resource', resource, 'Allow', resourceKinds)
  pushLayers(reasons, lists, ni, nb, 'Allow', cite)
  return { effect: 'Allow', reasons }
}

function pushLayers(
  out: StatementRef[],
  lists: Lists,
  ni: number,
  nb: number,
  effect: 'Allow' | 'Deny',
  cite: number,
): void {
  const nib = ni + nb
  if ((cite & CITE_IDENTITY) !== 0) {
    for (let i = 0; i < ni; i++) pushRefs(out, layerLabel('identity', i), lists[i]!, effect, 0)
  }
  if ((cite & CITE_LIMITS) !== 0) {
    for (let i = ni; i < nib; i++) pushRefs(out, layerLabel('boundary', i - ni), lists[i]!, effect, 0)
    for (let i = nib; i < lists.length; i++)
      pushRefs(out, layerLabel('session', i - nib), lists[i]!, effect, 0)
  }
}
