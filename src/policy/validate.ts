import type { PolicyKind } from './document.js'
import { malformed, type PolicyIssue } from './issues.js'
import { policyText, readJson } from './parse-json.js'
import type { ValidateOptions, ValidationStage } from './validate-context.js'
import { actionsPresent, actionVendors, resourceFormats, resourcesPresent } from './validate-elements.js'
import { legacyParsing } from './validate-legacy.js'
import { MALFORMED } from './validate-messages.js'
import { checkModel } from './validate-model.js'
import { principalForbidden, principalRequired, principalValues } from './validate-principal.js'
import { sidRules } from './validate-sid.js'
import { sizeQuota } from './validate-size.js'
import { checkSyntax } from './validate-syntax.js'
import { federatedPrincipals, trustActions, trustProhibitedFields } from './validate-trust.js'
import { versionRule, versionWarnings } from './validate-version.js'

export type { ValidateOptions } from './validate-context.js'

/**
 * The checks after the syntax check, in the order IAM makes them: the first error found is the one AWS returns.
 * Steps 2–8 follow the order observed for CreatePolicy; where the prohibited-principal and trust checks fall is
 * our choice except that `Has prohibited field Resource` comes before actions and principals.
 */
export const STAGES: readonly ValidationStage[] = [
  trustProhibitedFields,
  principalForbidden,
  versionRule,
  legacyParsing,
  sidRules,
  actionsPresent,
  resourceFormats,
  actionVendors,
  resourcesPresent,
  principalRequired,
  principalValues,
  trustActions,
  federatedPrincipals,
  sizeQuota,
  versionWarnings,
]

/**
 * Validates a policy document (JSON text or an already-parsed value) as IAM would for `kind`. Returns every finding;
 * the first error is the one AWS returns. Never throws.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html
 */
export function validatePolicy(
  input: string | unknown,
  kind: PolicyKind,
  options: ValidateOptions = {},
): readonly PolicyIssue[] {
  try {
    return runStages(input, kind, options ?? {})
  } catch {
    // CAUTION: unreachable by design; a defect must still not escape as an exception.
    return [malformed('', MALFORMED.syntax)]
  }
}

function runStages(input: unknown, kind: PolicyKind, options: ValidateOptions): readonly PolicyIssue[] {
  const text = policyText(input)
  if (text === undefined) return [malformed('', MALFORMED.syntax)]
  const model = checkModel(text, kind)
  if (model.length > 0) return model
  const json = readJson(text)
  if (!json.ok) {
    // AWS: trust policies report unparseable JSON differently from every other policy.
    const invalidJson = kind === 'trust' && json.reason === 'syntax'
    return [malformed(json.path, invalidJson ? MALFORMED.invalidJson : MALFORMED.syntax)]
  }
  const syntax = checkSyntax(json.value)
  if (!syntax.ok) return syntax.issues
  const context = { kind, options, text }
  return STAGES.flatMap((stage) => stage(syntax.document, context))
}
