import { AwsError } from '../kernel/aws-error.js'
import type { Denial } from './operation.js'

/**
 * AWS: json-protocol services (Secrets Manager, the Resource Groups Tagging API) answer a refusal with
 * AccessDeniedException, HTTP 400, and say why an implicit deny happened.
 */
export async function accessDeniedException(denial: Denial): Promise<AwsError> {
  const who = denial.request.principal?.arn ?? denial.caller?.principal.arn ?? 'anonymous'
  const { action, resource } = denial.request
  const reason = denial.explicit ? '' : ` because no identity-based policy allows the ${action} action`
  return new AwsError(
    'AccessDeniedException',
    400,
    `User: ${who} is not authorized to perform: ${action} on resource: ${resource}${reason}`,
  )
}
