import {
  type Decision,
  decide,
  type EvaluablePolicy,
  type PrincipalFacts,
  type RequestContext,
  type RequestFacts,
} from '../../../policy/index.js'
import { missingKeys, type PreparedPolicy } from './prepared-policy.js'

/** Everything one simulation evaluates. */
export interface Simulation {
  readonly principal: PrincipalFacts
  readonly identity: readonly PreparedPolicy[]
  readonly boundary?: PreparedPolicy
  readonly resourcePolicy?: PreparedPolicy
  readonly actions: readonly string[]
  /** The ResourceArns, or undefined for `*`. */
  readonly resources?: readonly string[]
  readonly resourceAccount: string
  readonly context: RequestContext
}

const DECISIONS = { Allow: 'allowed', ExplicitDeny: 'explicitDeny', ImplicitDeny: 'implicitDeny' } as const

/**
 * One EvaluationResult per (action, resource), decided by `decide()` with the same RequestFacts and
 * PolicySet shape the authorize step builds.
 */
export function simulate(sim: Simulation): Record<string, unknown>[] {
  const results: Record<string, unknown>[] = []
  for (const action of sim.actions) {
    for (const resource of sim.resources ?? ['*']) {
      const one = evaluate(sim, action, resource)
      results.push({
        EvalActionName: action,
        EvalResourceName: resource,
        EvalDecision: one.EvalResourceDecision,
        MatchedStatements: one.MatchedStatements,
        MissingContextValues: one.MissingContextValues,
        ...(one.EvalDecisionDetails ? { EvalDecisionDetails: one.EvalDecisionDetails } : {}),
        ...(one.PermissionsBoundaryDecisionDetail
          ? { PermissionsBoundaryDecisionDetail: one.PermissionsBoundaryDecisionDetail }
          : {}),
        ...(sim.resources ? { ResourceSpecificResults: [{ EvalResourceName: resource, ...one }] } : {}),
      })
    }
  }
  return results
}

function evaluate(sim: Simulation, action: string, resource: string): Record<string, unknown> {
  const facts: RequestFacts = {
    principal: sim.principal,
    action,
    resource,
    resourceAccount: sim.resourceAccount,
    context: sim.context,
  }
  const boundaries = sim.boundary ? [sim.boundary] : []
  const decision = decide(facts, {
    identity: sim.identity.map((p) => p.evaluable),
    boundaries: boundaries.map((p) => p.evaluable),
    session: [],
    resource: sim.resourcePolicy?.evaluable ?? null,
  })
  const all = [...sim.identity, ...boundaries, ...(sim.resourcePolicy ? [sim.resourcePolicy] : [])]
  const missing = new Map<string, string>()
  for (const policy of all) {
    for (const key of missingKeys(policy, action, resource, sim.context))
      if (!missing.has(key.toLowerCase())) missing.set(key.toLowerCase(), key)
  }
  const crossAccount = sim.resourceAccount !== sim.principal.account
  return {
    EvalResourceDecision: DECISIONS[decision.effect],
    MatchedStatements: matchedStatements(sim, decision),
    MissingContextValues: [...missing.values()],
    ...(crossAccount || sim.resourcePolicy ? { EvalDecisionDetails: details(sim, facts) } : {}),
    ...(sim.boundary
      ? {
          PermissionsBoundaryDecisionDetail: {
            AllowedByPermissionsBoundary: allows(sim.boundary.evaluable, facts),
          },
        }
      : {}),
  }
}

/** The statements `decide()` cited, with their source policy and their positions in its text. */
function matchedStatements(sim: Simulation, decision: Decision): Record<string, unknown>[] {
  return decision.reasons.map((ref) => {
    const policy = policyOf(sim, ref.policy)
    const span = policy?.spans[ref.statement]
    return {
      SourcePolicyId: policy?.source.id,
      SourcePolicyType: policy?.source.type ?? 'none',
      ...(span ? { StartPosition: span.start, EndPosition: span.end } : {}),
    }
  })
}

/** The policy a `decide()` label (`identity[i]`, `boundary[0]`, `resource`) names. */
function policyOf(sim: Simulation, label: string): PreparedPolicy | undefined {
  if (label === 'resource') return sim.resourcePolicy
  const match = /^(identity|boundary)\[(\d+)\]$/.exec(label)
  if (match === null) return undefined
  return match[1] === 'identity' ? sim.identity[Number(match[2])] : sim.boundary
}

/** Whether a policy on its own has a matching Allow and no matching Deny. */
function allows(policy: EvaluablePolicy, facts: RequestFacts): boolean {
  const matches = policy.matching(facts)
  return matches.some((m) => m.effect === 'Allow') && !matches.some((m) => m.effect === 'Deny')
}

/** The decision of each policy type on its own: the identity side (with boundary) and the resource policy. */
function details(sim: Simulation, facts: RequestFacts): Record<string, string> {
  const identity = decide(Object.assign({}, facts, { resourceAccount: sim.principal.account }), {
    identity: sim.identity.map((p) => p.evaluable),
    boundaries: sim.boundary ? [sim.boundary.evaluable] : [],
    session: [],
    resource: null,
  })
  const out: Record<string, string> = { 'IAM Policy': DECISIONS[identity.effect] }
  if (sim.resourcePolicy) {
    const matches = sim.resourcePolicy.evaluable.matching(facts)
    out['Resource Policy'] = matches.some((m) => m.effect === 'Deny')
      ? 'explicitDeny'
      : matches.some((m) => m.effect === 'Allow' && m.principalMatch !== 'none')
        ? 'allowed'
        : 'implicitDeny'
  }
  return out
}
