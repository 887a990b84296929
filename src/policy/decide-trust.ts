/** The STS actions whose resource policy, on a role ARN, is the role's trust policy. */
export const TRUST_ACTIONS: ReadonlySet<string> = new Set([
  'sts:assumerole',
  'sts:assumerolewithwebidentity',
  'sts:assumerolewithsaml',
  'sts:tagsession',
  'sts:setsourceidentity',
  'sts:setcontext',
])

/** Whether `arn` names an IAM role (`arn:<partition>:iam::<account>:role/<path><name>`). */
export function isRoleArn(arn: string): boolean {
  if (!arn.startsWith('arn:')) return false
  const service = arn.indexOf(':', 4)
  if (service < 0 || !arn.startsWith(':iam:', service)) return false
  let colon = service + 5
  // region (empty for IAM) and account
  colon = arn.indexOf(':', colon)
  if (colon < 0) return false
  colon = arn.indexOf(':', colon + 1)
  return colon >= 0 && arn.startsWith('role/', colon + 1)
}

/**
 * Whether a request is a role-trust evaluation: an sts:AssumeRole* (or a session-setting) action on a role ARN.
 * Action names compare case-insensitively, as AWS compares them.
 */
export function isTrustRequest(action: string, resource: string): boolean {
  // Cheap pre-check on the hot path: every trust action starts with `sts:`.
  if (action.length < 12 || (action.charCodeAt(0) | 32) !== 0x73) return false
  return TRUST_ACTIONS.has(action.toLowerCase()) && isRoleArn(resource)
}

/** Whether a request is decided by a KMS key policy: a `kms:` action on a key ARN. */
export function isKeyPolicyRequest(action: string, resource: string): boolean {
  if ((action.charCodeAt(0) | 32) !== 0x6b || !action.toLowerCase().startsWith('kms:')) return false
  const arn = resource.split(':', 6)
  return arn.length === 6 && arn[0] === 'arn' && arn[2] === 'kms' && resource.includes(':key/')
}

/**
 * Whether the resource policy must name the caller, so that an identity-policy Allow alone never suffices:
 * a role's trust policy and a KMS key policy.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic_policy-eval-basics.html
 */
export function resourcePolicyRequired(action: string, resource: string): boolean {
  return isTrustRequest(action, resource) || isKeyPolicyRequest(action, resource)
}
