import type { PolicyKind } from './document.js'
import { type PolicyIssue, policyError } from './issues.js'
import { POLICY_SIZE_LIMITS } from './size.js'
import { MODEL_CONSTRAINT } from './validate-messages.js'

/** The service models' maximum length of a policy document (`policyDocumentType`). */
export const POLICY_DOCUMENT_MAX_LENGTH = 131072

const ALLOWED = /^[\u0009\u000A\u000D\u0020-\u00FF]+$/

/**
 * The service-model constraints checked before IAM reads the document (`ValidationError`); STS session policies
 * have their own 2,048-character model limit.
 */
export function checkModel(text: string, kind: PolicyKind): readonly PolicyIssue[] {
  const max = kind === 'session' ? POLICY_SIZE_LIMITS.session.limit : POLICY_DOCUMENT_MAX_LENGTH
  if (text.length < 1) return [policyError('', MODEL_CONSTRAINT.minLength, 'ValidationError')]
  if (text.length > max) return [policyError('', MODEL_CONSTRAINT.maxLength(max), 'ValidationError')]
  if (!ALLOWED.test(text)) return [policyError('', MODEL_CONSTRAINT.pattern, 'ValidationError')]
  return []
}
