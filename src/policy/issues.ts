/** How serious a finding is: an error makes AWS reject the document, a warning does not. */
export type IssueSeverity = 'error' | 'warning'

/** The AWS error codes a policy document can be rejected with. */
export type PolicyErrorCode = 'MalformedPolicyDocument' | 'LimitExceeded' | 'ValidationError'

/** One finding about a policy document. */
export interface PolicyIssue {
  readonly severity: IssueSeverity
  /** JSON path of the element, e.g. `Statement[1].Condition`; empty for the whole document. */
  readonly path: string
  /** For errors, the exact message AWS returns. */
  readonly message: string
  /** For errors, the AWS error code (`MalformedPolicyDocument`, `LimitExceeded`, `ValidationError`). */
  readonly code?: string
}

/** A `MalformedPolicyDocument` error at `path`. */
export function malformed(path: string, message: string): PolicyIssue {
  return { severity: 'error', path, message, code: 'MalformedPolicyDocument' }
}

/** An error with an explicit AWS error code. */
export function policyError(path: string, message: string, code: PolicyErrorCode): PolicyIssue {
  return { severity: 'error', path, message, code }
}

/** A warning at `path`; `code` names the finding. */
export function policyWarning(path: string, message: string, code: string): PolicyIssue {
  return { severity: 'warning', path, message, code }
}

/** Whether any of `issues` is an error. */
export function hasErrors(issues: readonly PolicyIssue[]): boolean {
  return issues.some((issue) => issue.severity === 'error')
}
