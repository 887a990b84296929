const QUOTE = 34
const BACKSLASH = 92
/** Space, tab, line feed and carriage return: JSON's only whitespace. */
const isWhitespace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13

/**
 * The size IAM charges a policy document: its characters without the JSON whitespace outside strings.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html
 */
export function policySize(text: string): number {
  let size = 0
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (inString) {
      if (c === BACKSLASH) {
        size++
        i++
      } else if (c === QUOTE) inString = false
    } else if (c === QUOTE) inString = true
    else if (isWhitespace(c)) continue
    size++
  }
  return Math.min(size, text.length)
}

/** Which quota a policy document counts against. */
export type PolicySizeQuota = 'managed' | 'userInline' | 'roleInline' | 'groupInline' | 'trust' | 'session'

/** One size quota: its limit, how the size is measured, and the error AWS returns past it. */
export interface PolicySizeLimit {
  readonly limit: number
  /** `policySize` (whitespace outside strings not counted) or the raw text length (service-model constraint). */
  readonly measure: 'nonWhitespace' | 'raw'
  readonly code: 'LimitExceeded' | 'ValidationError'
  readonly status: 409 | 400
  /** The exact message; `name` is the user, role or group an inline quota belongs to, `limit` the quota in force. */
  readonly message: (name: string, limit: number) => string
}

/**
 * IAM's policy size quotas. Inline quotas cover the sum of all inline policies of one entity.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html
 */
export const POLICY_SIZE_LIMITS: Readonly<Record<PolicySizeQuota, PolicySizeLimit>> = {
  managed: {
    limit: 6144,
    measure: 'nonWhitespace',
    code: 'LimitExceeded',
    status: 409,
    message: (_name, limit) => `Cannot exceed quota for PolicySize: ${limit}`,
  },
  userInline: {
    limit: 2048,
    measure: 'nonWhitespace',
    code: 'LimitExceeded',
    status: 409,
    message: (name, limit) => `Maximum policy size of ${limit} bytes exceeded for user ${name}`,
  },
  roleInline: {
    limit: 10240,
    measure: 'nonWhitespace',
    code: 'LimitExceeded',
    status: 409,
    message: (name, limit) => `Maximum policy size of ${limit} bytes exceeded for role ${name}`,
  },
  groupInline: {
    limit: 5120,
    measure: 'nonWhitespace',
    code: 'LimitExceeded',
    status: 409,
    message: (name, limit) => `Maximum policy size of ${limit} bytes exceeded for group ${name}`,
  },
  // AWS: the trust-policy quota is adjustable (up to 8192); 2048 is the default.
  trust: {
    limit: 2048,
    measure: 'nonWhitespace',
    code: 'LimitExceeded',
    status: 409,
    message: (_name, limit) => `Cannot exceed quota for ACLSizePerRole: ${limit}`,
  },
  // AWS: STS enforces the session-policy plaintext limit through its service model (sessionPolicyDocumentType).
  session: {
    limit: 2048,
    measure: 'raw',
    code: 'ValidationError',
    status: 400,
    message: (_name, limit) => `Member must have length less than or equal to ${limit}`,
  },
}

/** The measured size of `text` under `limit`'s rule. */
export function measurePolicy(text: string, limit: PolicySizeLimit): number {
  return limit.measure === 'raw' ? text.length : policySize(text)
}
