import type { Operation } from '../../../operation.js'
import { onResource } from '../../authz.js'
import { loadTargetGroup } from '../loaders.js'
import { inputTargets, sameTarget, targetPort } from '../targets.js'

/** ELBv2 DeregisterTargets: removes targets; a target that is not registered is left alone. */
export const deregisterTargets: Operation = {
  async authorize(ctx, input) {
    return [onResource('DeregisterTargets', await loadTargetGroup(ctx, String(input.TargetGroupArn)))]
  },
  async run(ctx, input) {
    const tg = await loadTargetGroup(ctx, String(input.TargetGroupArn))
    const removed = inputTargets(input).map((t) => ({ id: t.Id, port: targetPort(tg, t) }))
    const targets = tg.attributes.targets.filter((t) => !removed.some((r) => sameTarget(t, r.id, r.port)))
    await ctx.store.cloudResources.update(
      tg.arn,
      { attributes: { ...tg.attributes, targets }, at: ctx.now },
      tg.revision,
    )
    return {}
  },
}
