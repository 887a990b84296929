import type { CloudResourceRecord } from '../../../store/index.js'
import type { OperationContext } from '../../operation.js'
import { arnKind } from '../arns.js'
import { validationError } from '../errors.js'
import { loadListener, loadLoadBalancer, loadRule, loadTargetGroup } from './loaders.js'

/** The load balancer, target group, listener or rule of `arn`; the kind's not-found error when there is none. */
export async function loadTaggable(
  ctx: OperationContext,
  arn: string,
): Promise<CloudResourceRecord<unknown>> {
  const kind = arnKind(arn)
  if (kind === 'loadbalancer') return loadLoadBalancer(ctx, arn)
  if (kind === 'targetgroup') return loadTargetGroup(ctx, arn)
  if (kind === 'listener') return loadListener(ctx, arn)
  if (kind === 'listener-rule') return loadRule(ctx, arn)
  throw validationError(`'${arn}' is not a valid resource ARN`)
}

/** The model-validated `ResourceArns` member. */
export const inputArns = (input: Record<string, unknown>): string[] =>
  Array.isArray(input.ResourceArns) ? input.ResourceArns.map(String) : []
