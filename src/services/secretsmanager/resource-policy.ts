import { parsePolicy, type Statement, validatePolicy } from '../../policy/index.js'
import { malformedPolicy, publicPolicy } from './errors.js'

/** Validates a secret's resource policy as IAM validates resource policies; MalformedPolicyDocumentException. */
export function requireValidResourcePolicy(text: string): void {
  const first = validatePolicy(text, 'resource').find((issue) => issue.severity === 'error')
  if (first !== undefined) throw malformedPolicy(first.message)
}

const isEveryone = (statement: Statement): boolean => {
  const principal = statement.principal
  if (principal === undefined) return false
  return principal.kind === 'any' || principal.aws.includes('*')
}

/**
 * Rejects a policy that allows everyone (`"*"` or `{"AWS": "*"}`) without any condition, when BlockPublicPolicy
 * is set. AWS decides this with automated reasoning over conditions too; this check is narrower.
 */
export function blockPublicPolicy(text: string): void {
  const parsed = parsePolicy(text)
  if (!parsed.ok) return
  const open = parsed.document.statements.some(
    (s) => s.effect === 'Allow' && isEveryone(s) && s.conditions.length === 0,
  )
  if (open) throw publicPolicy()
}
