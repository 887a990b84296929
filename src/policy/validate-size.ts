import { policyError } from './issues.js'
import { measurePolicy, POLICY_SIZE_LIMITS, type PolicySizeLimit } from './size.js'
import type { ValidationContext, ValidationStage } from './validate-context.js'

/** The quota a document counts against, and the limit in force; `undefined` when IAM applies none to it alone. */
function quotaFor({
  kind,
  options,
}: ValidationContext): { quota: PolicySizeLimit; limit: number } | undefined {
  if (kind === 'trust') {
    const quota = POLICY_SIZE_LIMITS.trust
    return { quota, limit: options.trustSizeLimit ?? quota.limit }
  }
  if (kind === 'boundary' || (kind === 'identity' && options.managed === true)) {
    return { quota: POLICY_SIZE_LIMITS.managed, limit: POLICY_SIZE_LIMITS.managed.limit }
  }
  if (kind === 'identity' && options.inline !== undefined) {
    const quota = POLICY_SIZE_LIMITS[`${options.inline.owner}Inline`]
    return { quota, limit: quota.limit }
  }
  // Session policies are limited by the STS model (checked first); resource policies by their own service.
  return undefined
}

/** The size quota of the document's kind, with whitespace outside strings not counted. */
export const sizeQuota: ValidationStage = (_document, context) => {
  const found = quotaFor(context)
  if (found === undefined || measurePolicy(context.text, found.quota) <= found.limit) return []
  const name = context.options.inline?.name ?? ''
  return [policyError('', found.quota.message(name, found.limit), found.quota.code)]
}
