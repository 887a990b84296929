import { CompiledStatement } from './compiled-statement.js'
import type { EvaluablePolicy, MatchedStatement, RequestFacts } from './decision.js'
import type { PolicyDocument, PolicyKind } from './document.js'
import { type ActionEntry, ActionIndex } from './match/action-index.js'
import { findArnColons } from './match/resource-pattern.js'

const EMPTY: readonly MatchedStatement[] = Object.freeze([])

/** A policy compiled into an action index and per-statement matchers. */
class CompiledPolicy implements EvaluablePolicy {
  private readonly index: ActionIndex
  private readonly statements: readonly CompiledStatement[]
  /** Scratch space for the request resource's colon positions (evaluation is synchronous). */
  private readonly colons = new Int32Array(5)

  constructor(doc: PolicyDocument, kind: PolicyKind) {
    this.statements = doc.statements.map((s) => new CompiledStatement(doc, kind, s))
    const entries: ActionEntry[] = []
    doc.statements.forEach((s, position) => {
      if (s.action !== undefined) entries.push({ position, patterns: s.action, negated: false })
      else if (s.notAction !== undefined) entries.push({ position, patterns: s.notAction, negated: true })
    })
    this.index = new ActionIndex(entries)
  }

  matching(request: RequestFacts): readonly MatchedStatement[] {
    const candidates = this.index.lookup(request.action)
    if (candidates.length === 0) return EMPTY
    // The resource's colons are found once, and only if a candidate has a non-`*` resource pattern.
    let colons: Int32Array | null | undefined
    let single: CompiledStatement | null = null
    let singleMatch: ReturnType<CompiledStatement['match']> = null
    let many: MatchedStatement[] | null = null
    for (let i = 0; i < candidates.length; i++) {
      const statement = this.statements[candidates[i]!]!
      if (colons === undefined && statement.needsColons) {
        colons = findArnColons(request.resource, this.colons) ? this.colons : null
      }
      const principalMatch = statement.match(request, colons ?? null)
      if (principalMatch === null) continue
      if (single === null) {
        single = statement
        singleMatch = principalMatch
      } else {
        many ??= [single.results.get(singleMatch!)!]
        many.push(statement.results.get(principalMatch)!)
      }
    }
    if (many !== null) return many
    return single === null ? EMPTY : single.alone.get(singleMatch!)!
  }
}

/**
 * Compiles a policy once into matchers: an action index (exact names, per-service wildcard
 * buckets, memoized per action), pre-split ARN patterns and pre-parsed condition values.
 * Returns the same statements as {@link interpretPolicy}, in document order.
 */
export function compilePolicy(doc: PolicyDocument, kind: PolicyKind): EvaluablePolicy {
  return new CompiledPolicy(doc, kind)
}
