import { AwsError } from '../../kernel/aws-error.js'
import { type PolicyKind, type ValidateOptions, validatePolicy } from '../../policy/index.js'

/** Validates a submitted policy document; throws the first error exactly as AWS reports it. */
export function requireValidPolicy(text: string, kind: PolicyKind, options: ValidateOptions = {}): void {
  const first = validatePolicy(text, kind, options).find((issue) => issue.severity === 'error')
  if (first === undefined) return
  const code = first.code ?? 'MalformedPolicyDocument'
  const status = code === 'LimitExceeded' ? 409 : 400
  throw new AwsError(code, status, first.message)
}

/** AWS: IAM returns policy documents URL-encoded (RFC 3986); clients decode them. */
export function encodePolicyDocument(text: string): string {
  return encodeURIComponent(text)
}
