import { AwsError } from '../../kernel/aws-error.js'
import type { Denial } from '../operation.js'
import type { DeniedAuthorization, Ec2Env } from './ec2-env.js'

/**
 * EC2's answer to a denied call: UnauthorizedOperation (403) naming the caller, action and resource, with the
 * encoded authorization failure message that sts:DecodeAuthorizationMessage turns back into the details.
 * AWS: `You are not authorized to perform this operation. User: <arn> is not authorized to perform: <action> on
 * resource: <arn> because no identity-based policy allows the <action> action. Encoded authorization failure
 * message: <encoded>`.
 */
export function unauthorizedOperation(env: Ec2Env): (denial: Denial) => Promise<AwsError> {
  return async (denial) => {
    const { request, caller } = denial
    const who = caller?.principal.arn ?? 'anonymous'
    const encoded = await env.encodeAuthorizationFailure(details(denial), denial.now)
    const why = denial.explicit
      ? 'with an explicit deny in an identity-based policy'
      : `because no identity-based policy allows the ${request.action} action`
    return new AwsError(
      'UnauthorizedOperation',
      403,
      `You are not authorized to perform this operation. User: ${who} is not authorized to perform: ${request.action} on resource: ${request.resource} ${why}. Encoded authorization failure message: ${encoded}`,
    )
  }
}

/** The DecodedMessage details of a denial: the principal, action, resource and every context key. */
function details(denial: Denial): DeniedAuthorization {
  const principal = denial.caller?.principal
  const arn = principal?.arn ?? 'anonymous'
  const conditions: Record<string, string | readonly string[]> = {}
  for (const [key, value] of denial.context) conditions[key] = value
  return {
    allowed: false,
    explicitDeny: denial.explicit,
    principal: { id: principal?.uniqueId ?? '', name: arn.slice(arn.lastIndexOf('/') + 1), arn },
    action: denial.request.action,
    resource: denial.request.resource,
    conditions,
  }
}
