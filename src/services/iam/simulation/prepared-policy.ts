import {
  compilePolicy,
  type EvaluablePolicy,
  matchAction,
  matchResource,
  type PolicyDocument,
  type PolicyKind,
  parsePolicy,
  type RequestContext,
} from '../../../policy/index.js'
import { invalidInput } from '../errors.js'
import { statementKeys } from './context-keys.js'
import type { SourcePolicy } from './source-policy.js'
import { type StatementSpan, statementSpans } from './statement-positions.js'

/** A simulation policy parsed, compiled for `decide()` and with its statement positions. */
export interface PreparedPolicy {
  readonly source: SourcePolicy
  readonly document: PolicyDocument
  readonly evaluable: EvaluablePolicy
  readonly spans: readonly StatementSpan[]
}

/** Parses and compiles one policy; InvalidInput when the document does not parse. */
export function preparePolicy(source: SourcePolicy, kind: PolicyKind): PreparedPolicy {
  const parsed = parsePolicy(source.document)
  if (!parsed.ok) throw invalidInput(`Invalid policy document: ${source.id}`)
  return {
    source,
    document: parsed.document,
    evaluable: compilePolicy(parsed.document, kind),
    spans: statementSpans(source.document),
  }
}

/**
 * The context keys that statements applying to `action` on `resource` (conditions aside) use and that
 * `context` lacks, as written, in document order.
 */
export function missingKeys(
  policy: PreparedPolicy,
  action: string,
  resource: string,
  context: RequestContext,
): string[] {
  const out: string[] = []
  const { document } = policy
  const options = {
    resourcePolicy: false,
    variables: document.version === '2012-10-17',
    context,
  }
  const resourceMatches = (pattern: string) =>
    pattern.includes('${') || matchResource(pattern, resource, options)
  for (const statement of document.statements) {
    const actionOk = statement.action
      ? statement.action.some((p) => matchAction(p, action))
      : !(statement.notAction ?? []).some((p) => matchAction(p, action))
    if (!actionOk) continue
    const resourceOk = statement.resource
      ? statement.resource.some(resourceMatches)
      : statement.notResource
        ? !statement.notResource.some((p) => !p.includes('${') && matchResource(p, resource, options))
        : true
    if (!resourceOk) continue
    for (const key of statementKeys(statement, document.version)) {
      if (!context.has(key.toLowerCase())) out.push(key)
    }
  }
  return out
}
