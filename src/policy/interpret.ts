import { evaluateConditions } from './conditions/evaluate-clause.js'
import type { EvaluablePolicy, MatchedStatement, PrincipalMatch, RequestFacts } from './decision.js'
import type { PolicyDocument, PolicyKind, Statement } from './document.js'
import { matchActionList } from './match/action.js'
import { matchPrincipal, notPrincipalApplies, PrincipalMatcher } from './match/principal.js'
import { matchNotResourceList, matchResourceList, type ResourceMatchOptions } from './match/resource.js'

/**
 * The reference evaluator: re-reads the document for every request, with no indexes and no
 * caches. It defines what {@link compilePolicy} must return.
 */
export function interpretPolicy(doc: PolicyDocument, kind: PolicyKind): EvaluablePolicy {
  return {
    matching(request: RequestFacts): readonly MatchedStatement[] {
      const matched: MatchedStatement[] = []
      for (const statement of doc.statements) {
        const principalMatch = statementApplies(doc, kind, statement, request)
        if (principalMatch === null) continue
        matched.push({
          statement: statement.index,
          sid: statement.sid,
          effect: statement.effect,
          principalMatch,
        })
      }
      return matched
    },
  }
}

/** How the statement matched the request, or `null` when it does not apply. */
function statementApplies(
  doc: PolicyDocument,
  kind: PolicyKind,
  statement: Statement,
  request: RequestFacts,
): PrincipalMatch | null {
  if (statement.action === undefined && statement.notAction === undefined) return null
  if (statement.action !== undefined && !matchActionList(statement.action, request.action)) return null
  if (statement.notAction !== undefined && matchActionList(statement.notAction, request.action)) return null
  const options: ResourceMatchOptions = {
    resourcePolicy: kind === 'resource' || kind === 'trust',
    variables: doc.version === '2012-10-17',
    context: request.context,
  }
  if (statement.resource !== undefined && !matchResourceList(statement.resource, request.resource, options)) {
    return null
  }
  if (
    statement.notResource !== undefined &&
    !matchNotResourceList(statement.notResource, request.resource, options)
  ) {
    return null
  }
  let principalMatch: PrincipalMatch = 'none'
  if (statement.principal !== undefined) {
    const layer = matchPrincipal(statement.principal, request.principal)
    if (layer === null) return null
    principalMatch = layer
  } else if (statement.notPrincipal !== undefined) {
    const matcher = new PrincipalMatcher(statement.notPrincipal)
    // A NotPrincipal statement that applies treats the caller like `"*"` would.
    if (!notPrincipalApplies(matcher, request.principal, statement.effect)) return null
    principalMatch = 'direct'
  }
  if (!evaluateConditions(statement.conditions, request.context, doc.version)) return null
  return principalMatch
}
