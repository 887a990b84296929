import type { OperationContext } from '../../operation.js'
import { instanceState } from '../ec2-refs.js'
import type { TargetGroupRecord } from './loaders.js'
import type { TargetRecord } from './records.js'

/** How long a new registration reports `initial` before its first passing health check. */
export const REGISTRATION_MS = 1_000

type Health = { State: string; Reason?: string; Description?: string }

/**
 * The health Lanyard reports for a target. Nothing probes targets: a registered target of a target group a
 * listener uses is `initial` for a moment and then `healthy`, unless EC2 says its instance is not running.
 */
export async function targetHealth(
  ctx: OperationContext,
  tg: TargetGroupRecord,
  target: TargetRecord | undefined,
): Promise<Health> {
  if (target === undefined)
    return {
      State: 'unused',
      Reason: 'Target.NotRegistered',
      Description: 'Target is not registered to the target group',
    }
  if (tg.attributes.targetType === 'instance') {
    const state = (await instanceState(ctx, target.id)) ?? 'terminated'
    if (state !== 'running' && state !== 'pending')
      return {
        State: 'unused',
        Reason: 'Target.InvalidState',
        Description: `Target is in the ${state} state`,
      }
  }
  if (tg.attributes.listenerArns.length === 0)
    return {
      State: 'unused',
      Reason: 'Target.NotInUse',
      Description: 'Target group is not configured to receive traffic from the load balancer',
    }
  if (!tg.attributes.healthCheck.enabled)
    return {
      State: 'unavailable',
      Reason: 'Target.HealthCheckDisabled',
      Description: 'Health checks are disabled',
    }
  if (ctx.now.getTime() < target.registeredAt + REGISTRATION_MS)
    return {
      State: 'initial',
      Reason: 'Elb.RegistrationInProgress',
      Description: 'Target registration is in progress',
    }
  return { State: 'healthy' }
}
