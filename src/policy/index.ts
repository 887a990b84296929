export { compilePolicy } from './compile.js'
export { evaluateClause } from './conditions/evaluate-clause.js'
export { OPERATORS, parseOperatorName } from './conditions/registry.js'
export * from './context.js'
export { decide } from './decide.js'
export { isRoleArn, isTrustRequest, TRUST_ACTIONS } from './decide-trust.js'
export * from './decision.js'
export * from './document.js'
export {
  type EvaluateMatch,
  type EvaluateOptions,
  type EvaluateResponse,
  evaluatePolicyRequest,
} from './evaluate-request.js'
export { interpretPolicy } from './interpret.js'
export * from './issues.js'
export { matchAction } from './match/action.js'
export { matchPrincipal, type PrincipalLayer, PrincipalMatcher } from './match/principal.js'
export { matchResource, type ResourceMatchOptions } from './match/resource.js'
export { parseTemplate, resolveTemplate, type Template } from './match/variables.js'
export { compileGlob, Glob, globMatch } from './match/wildcard.js'
export { type ParseResult, parsePolicy } from './parse.js'
export { LruPolicyCache, type PolicyCache } from './policy-cache.js'
export * from './principal.js'
export { BUILT_IN_WEB_IDENTITY_PROVIDERS, principalFacts, withPrincipalContext } from './principal-facts.js'
export { REVOKE_POLICY_NAME, revokeOlderSessionsPolicy } from './revoke-older-sessions.js'
export * from './size.js'
export { type ValidateOptions, validatePolicy } from './validate.js'
export { MALFORMED, MODEL_CONSTRAINT } from './validate-messages.js'
