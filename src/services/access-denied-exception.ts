import { AwsError } from '../kernel/aws-error.js'
import type { Denial } from './operation.js'

/** Which kind of policy holds the Deny that refused the request: the resource policy when one of its Denies matches. */
function denyingPolicy(denial: Denial): string {
  const principal = denial.request.principal ?? denial.caller?.principal
  const policy = denial.request.resourcePolicy
  if (principal === undefined || policy === undefined) return 'an identity-based policy'
  const matches = policy.matching({
    principal,
    action: denial.request.action,
    resource: denial.request.resource,
    resourceAccount: denial.request.resourceAccount ?? principal.account,
    context: denial.context,
  })
  return matches.some((m) => m.effect === 'Deny') ? 'a resource-based policy' : 'an identity-based policy'
}

/**
 * AWS: json-protocol services (Secrets Manager, the Resource Groups Tagging API) answer a refusal with
 * AccessDeniedException, HTTP 400, and say why: no identity-based policy allows the action, or which kind of
 * policy holds the explicit deny.
 */
export async function accessDeniedException(denial: Denial): Promise<AwsError> {
  const who = denial.request.principal?.arn ?? denial.caller?.principal.arn ?? 'anonymous'
  const { action, resource } = denial.request
  const principal = denial.request.principal ?? denial.caller?.principal
  const crossAccount =
    principal !== undefined &&
    denial.request.resourceAccount !== undefined &&
    denial.request.resourceAccount !== principal.account
  // AWS: across accounts the resource policy must allow too, and an implicit deny names it.
  const missing = crossAccount ? 'resource-based' : 'identity-based'
  const reason = denial.explicit
    ? `with an explicit deny in ${denyingPolicy(denial)}`
    : `because no ${missing} policy allows the ${action} action`
  return new AwsError(
    'AccessDeniedException',
    400,
    `User: ${who} is not authorized to perform: ${action} on resource: ${resource} ${reason}`,
  )
}
