import { AwsError } from '../../../../kernel/aws-error.js'
import type { Operation } from '../../../operation.js'
import { elbAuthorization, onResource } from '../../authz.js'
import { findTargetGroup } from '../loaders.js'

/** ELBv2 DeleteTargetGroup: deletes a target group no listener forwards to; AWS: one already gone is no error. */
export const deleteTargetGroup: Operation = {
  async authorize(ctx, input) {
    const arn = String(input.TargetGroupArn)
    const tg = await findTargetGroup(ctx, arn)
    return [
      tg === undefined ? elbAuthorization('DeleteTargetGroup', arn) : onResource('DeleteTargetGroup', tg),
    ]
  },
  async run(ctx, input) {
    const tg = await findTargetGroup(ctx, String(input.TargetGroupArn))
    if (tg === undefined) return {}
    const listener = tg.attributes.listenerArns[0]
    if (listener !== undefined)
      throw new AwsError(
        'ResourceInUse',
        400,
        `Target group '${tg.arn}' is currently in use by a listener or a rule`,
      )
    await ctx.store.cloudResources.delete(tg.arn)
    return {}
  },
}
