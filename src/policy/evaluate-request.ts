import { ACCOUNT_ID, parseArn } from '../kernel/arn.js'
import { compilePolicy } from './compile.js'
import { type ContextValue, contextFrom } from './context.js'
import { decide } from './decide.js'
import { isTrustRequest } from './decide-trust.js'
import type { Decision, EvaluablePolicy, PolicySet, RequestFacts } from './decision.js'
import type { PolicyKind } from './document.js'
import { interpretPolicy } from './interpret.js'
import { parsePolicy } from './parse.js'
import type { PolicyCache } from './policy-cache.js'
import { principalFacts, withPrincipalContext } from './principal-facts.js'

/** One statement that decided a request, as `lanyard policy evaluate` prints it. */
export interface EvaluateMatch {
  readonly policy: string
  readonly statement: number
  readonly sid?: string
  readonly effect: 'Allow' | 'Deny'
}

/** The answer to one evaluation request: a decision, or an error for a malformed request. */
export type EvaluateResponse =
  | {
      readonly name: string | null
      readonly decision: 'Allowed' | 'ExplicitlyDenied' | 'ImplicitlyDenied'
      readonly matched: readonly EvaluateMatch[]
    }
  | { readonly name: string | null; readonly error: string }

/** How `evaluatePolicyRequest` turns documents into evaluable policies. */
export interface EvaluateOptions {
  /** Compile the policies (default) or interpret them. */
  readonly compiled?: boolean
  /** Reuses evaluable policies across requests, keyed by kind, form and document text. */
  readonly cache?: PolicyCache
}

const DECISIONS = {
  Allow: 'Allowed',
  ExplicitDeny: 'ExplicitlyDenied',
  ImplicitDeny: 'ImplicitlyDenied',
} as const
const LISTS = [
  ['identityPolicies', 'identity'],
  ['permissionsBoundaries', 'boundary'],
  ['sessionPolicies', 'session'],
] as const
const ACTION = /^[A-Za-z0-9-]+:[A-Za-z0-9*?-]+$/

/** A malformed request: the message of its `error` response. */
class RequestError extends Error {}

/**
 * Evaluates one `lanyard policy evaluate` request (a parsed JSON value) and returns the response object.
 * Pure and never throws: malformed requests and unparseable policies yield `{name, error}`.
 */
export function evaluatePolicyRequest(json: unknown, options: EvaluateOptions = {}): EvaluateResponse {
  const name = isObject(json) && typeof json.name === 'string' ? json.name : null
  try {
    const { request, policies } = readRequest(json, options)
    return { name, ...toResponse(decide(request, policies)) }
  } catch (error) {
    if (error instanceof RequestError) return { name, error: error.message }
    return { name, error: `internal error: ${error instanceof Error ? error.message : String(error)}` }
  }
}

function readRequest(
  json: unknown,
  options: EvaluateOptions,
): { request: RequestFacts; policies: PolicySet } {
  if (!isObject(json)) fail('the request must be a JSON object')
  if (json.name !== undefined && typeof json.name !== 'string') fail('name must be a string')
  const principalText = requiredString(json, 'principal')
  const action = requiredString(json, 'action')
  if (!ACTION.test(action)) fail(`action must be "service:Action": ${JSON.stringify(action)}`)
  const resource = requiredString(json, 'resource')
  const given = json.resourceAccount
  if (given !== undefined && (typeof given !== 'string' || !ACCOUNT_ID.test(given))) {
    fail('resourceAccount must be a 12-digit account id')
  }
  const rawContext = contextFrom(readContext(json.context))
  const facts = principalFacts(principalText, rawContext)
  if (facts === undefined) {
    fail(`principal must be an ARN, "*", a service principal or a web-identity provider: ${principalText}`)
  }
  // AWS: a Deny with NotPrincipal always applies to a caller whose entity has a permissions boundary.
  const bounded = Array.isArray(json.permissionsBoundaries) && json.permissionsBoundaries.length > 0
  const principal = bounded ? Object.assign({}, facts, { hasBoundary: true }) : facts
  // A caller without an account (service, anonymous, built-in provider) is taken to be in the resource's account.
  const resourceAccount = given ?? (principal.account || parseArn(resource)?.account || undefined)
  const request: RequestFacts = {
    principal,
    action,
    resource,
    resourceAccount,
    context: withPrincipalContext(principal, rawContext),
  }
  const load = (doc: unknown, kind: PolicyKind, where: string) => loadPolicy(doc, kind, where, options)
  const [identity, boundaries, session] = LISTS.map(([field, kind]) => {
    const docs = json[field]
    if (docs === undefined) return []
    if (!Array.isArray(docs)) fail(`${field} must be an array of policy documents`)
    return docs.map((doc, i) => load(doc, kind, `${field}[${i}]`))
  }) as [EvaluablePolicy[], EvaluablePolicy[], EvaluablePolicy[]]
  const doc = json.resourcePolicy
  const kind: PolicyKind = isTrustRequest(action, resource) ? 'trust' : 'resource'
  const resourcePolicy = doc === undefined || doc === null ? null : load(doc, kind, 'resourcePolicy')
  return { request, policies: { identity, boundaries, session, resource: resourcePolicy } }
}

function loadPolicy(
  doc: unknown,
  kind: PolicyKind,
  where: string,
  options: EvaluateOptions,
): EvaluablePolicy {
  if (typeof doc !== 'string' && !isObject(doc))
    fail(`${where}: a policy document must be a JSON object or its text`)
  const text = typeof doc === 'string' ? doc : JSON.stringify(doc)
  const compiled = options.compiled ?? true
  const key = `${kind}\n${compiled ? 'c' : 'i'}\n${text}`
  const cached = options.cache?.get(key)
  if (cached !== undefined) return cached
  const parsed = parsePolicy(text)
  if (!parsed.ok) {
    const issue = parsed.issues.find((i) => i.severity === 'error') ?? parsed.issues[0]
    const at = issue?.path ? `${issue.path}: ` : ''
    fail(`${where}: ${at}${issue?.message ?? 'the policy document cannot be parsed'}`)
  }
  const policy = compiled ? compilePolicy(parsed.document, kind) : interpretPolicy(parsed.document, kind)
  options.cache?.set(key, policy)
  return policy
}

function readContext(value: unknown): Record<string, ContextValue> {
  if (value === undefined) return {}
  if (!isObject(value)) fail('context must be an object of string or string-array values')
  for (const [key, v] of Object.entries(value)) {
    const ok = typeof v === 'string' || (Array.isArray(v) && v.every((item) => typeof item === 'string'))
    if (!ok) fail(`context.${key} must be a string or an array of strings`)
  }
  return value as Record<string, ContextValue>
}

function toResponse(decision: Decision) {
  const matched = decision.reasons.map(
    ({ policy, statement, sid, effect }): EvaluateMatch =>
      sid === undefined ? { policy, statement, effect } : { policy, statement, sid, effect },
  )
  return { decision: DECISIONS[decision.effect], matched }
}

function requiredString(json: Record<string, unknown>, field: string): string {
  const value = json[field]
  if (typeof value !== 'string' || value === '') fail(`${field} must be a non-empty string`)
  return value
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function fail(message: string): never {
  throw new RequestError(message)
}
