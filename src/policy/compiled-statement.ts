import { CompiledCondition } from './conditions/compiled-condition.js'
import type { MatchedStatement, PrincipalMatch, RequestFacts } from './decision.js'
import type { PolicyDocument, PolicyKind, Statement } from './document.js'
import { matchActionList } from './match/action.js'
import { notPrincipalApplies, PrincipalMatcher } from './match/principal.js'
import { ResourcePattern } from './match/resource-pattern.js'

const KINDS: readonly PrincipalMatch[] = ['none', 'direct', 'role', 'account']

/** One statement compiled into matchers, with its possible results built ahead of time. */
export class CompiledStatement {
  private readonly resources: readonly ResourcePattern[] | null
  private readonly notResources: readonly ResourcePattern[] | null
  private readonly principal: PrincipalMatcher | null
  private readonly notPrincipal: PrincipalMatcher | null
  private readonly conditions: readonly CompiledCondition[]
  /** NotAction of a statement that also has Action (invalid; checked here instead of the index). */
  private readonly extraNotAction: readonly string[] | null
  private readonly effect: 'Allow' | 'Deny'
  /** Whether any Resource/NotResource entry needs the request resource split into ARN components. */
  readonly needsColons: boolean
  /** The frozen result objects, one per principal-match kind. */
  readonly results: ReadonlyMap<PrincipalMatch, MatchedStatement>
  /** One-element frozen result lists, for requests that match this statement alone. */
  readonly alone: ReadonlyMap<PrincipalMatch, readonly MatchedStatement[]>

  /** Compiles `statement` of `doc`, read as a policy of `kind`. */
  constructor(doc: PolicyDocument, kind: PolicyKind, statement: Statement) {
    const resourcePolicy = kind === 'resource' || kind === 'trust'
    const variables = doc.version === '2012-10-17'
    const compile = (list: readonly string[] | undefined) =>
      list === undefined ? null : list.map((p) => new ResourcePattern(p, resourcePolicy, variables))
    this.resources = compile(statement.resource)
    this.notResources = compile(statement.notResource)
    const all = [...(statement.resource ?? []), ...(statement.notResource ?? [])]
    this.needsColons = all.some((p) => p !== '*')
    this.principal = statement.principal === undefined ? null : new PrincipalMatcher(statement.principal)
    this.notPrincipal =
      statement.notPrincipal === undefined ? null : new PrincipalMatcher(statement.notPrincipal)
    this.conditions = statement.conditions.map((c) => new CompiledCondition(c, doc.version))
    this.extraNotAction =
      statement.action !== undefined && statement.notAction !== undefined ? statement.notAction : null
    this.effect = statement.effect
    const results = new Map<PrincipalMatch, MatchedStatement>()
    const alone = new Map<PrincipalMatch, readonly MatchedStatement[]>()
    for (const principalMatch of KINDS) {
      const result = Object.freeze({
        statement: statement.index,
        sid: statement.sid,
        effect: statement.effect,
        principalMatch,
      })
      results.set(principalMatch, result)
      alone.set(principalMatch, Object.freeze([result]))
    }
    this.results = results
    this.alone = alone
  }

  /** How the statement matches a request whose action already matched, or `null`. */
  match(request: RequestFacts, colons: Int32Array | null): PrincipalMatch | null {
    if (this.extraNotAction !== null && matchActionList(this.extraNotAction, request.action)) return null
    const resource = request.resource
    const context = request.context
    if (this.resources !== null && !anyMatches(this.resources, resource, colons, request)) return null
    if (this.notResources !== null && anyMatches(this.notResources, resource, colons, request)) return null
    let principalMatch: PrincipalMatch = 'none'
    if (this.principal !== null) {
      const layer = this.principal.match(request.principal)
      if (layer === null) return null
      principalMatch = layer
    } else if (this.notPrincipal !== null) {
      if (!notPrincipalApplies(this.notPrincipal, request.principal, this.effect)) return null
      principalMatch = 'direct'
    }
    const conditions = this.conditions
    for (let i = 0; i < conditions.length; i++) if (!conditions[i]!.holds(context)) return null
    return principalMatch
  }
}

function anyMatches(
  patterns: readonly ResourcePattern[],
  resource: string,
  colons: Int32Array | null,
  request: RequestFacts,
): boolean {
  for (let i = 0; i < patterns.length; i++)
    if (patterns[i]!.test(resource, colons, request.context)) return true
  return false
}
