import type { Operation } from '../../../operation.js'
import { onResource } from '../../authz.js'
import { validationError } from '../../errors.js'
import { modifiedHealthCheck } from '../health-check.js'
import { loadTargetGroup } from '../loaders.js'
import { toTargetGroupShape } from '../mappers.js'

/** ELBv2 ModifyTargetGroup: changes the health check settings of a target group. */
export const modifyTargetGroup: Operation = {
  async authorize(ctx, input) {
    return [onResource('ModifyTargetGroup', await loadTargetGroup(ctx, String(input.TargetGroupArn)))]
  },
  async run(ctx, input) {
    const tg = await loadTargetGroup(ctx, String(input.TargetGroupArn))
    const healthCheck = modifiedHealthCheck(tg.attributes.healthCheck, input)
    if (healthCheck.timeoutSeconds >= healthCheck.intervalSeconds && tg.attributes.targetType !== 'lambda')
      throw validationError('Health check interval must be greater than the timeout.')
    const updated = await ctx.store.cloudResources.update(
      tg.arn,
      { attributes: Object.assign({}, tg.attributes, { healthCheck }), at: ctx.now },
      tg.revision,
    )
    return { TargetGroups: [toTargetGroupShape(updated ?? tg)] }
  },
}
