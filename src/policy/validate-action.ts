import { MALFORMED } from './validate-messages.js'

const VENDOR = /^[a-zA-Z0-9.-]+$/

/** The `MalformedPolicyDocument` message for a badly formed Action/NotAction entry, if any. */
export function actionVendorError(action: string): string | undefined {
  const parts = action.split(':')
  if (parts.length === 1) return action === '*' ? undefined : MALFORMED.actionNoVendor
  if (parts.length > 2) return MALFORMED.actionColons
  const vendor = parts[0] ?? ''
  // AWS: `*:*` is accepted; any other wildcard in the service prefix is not [impl].
  if (vendor === '*' || VENDOR.test(vendor)) return undefined
  return MALFORMED.vendor(vendor)
}

/** The actions a role trust policy may name (compared ignoring case). */
export const TRUST_POLICY_ACTIONS: ReadonlySet<string> = new Set(
  [
    'sts:AssumeRole',
    'sts:AssumeRoleWithSAML',
    'sts:AssumeRoleWithWebIdentity',
    'sts:TagSession',
    'sts:SetSourceIdentity',
    'sts:SetContext',
  ].map((action) => action.toLowerCase()),
)

/** Whether a trust policy may name `action`. */
export function isTrustPolicyAction(action: string): boolean {
  return TRUST_POLICY_ACTIONS.has(action.toLowerCase())
}
