import type { Operation } from '../../../operation.js'
import { onResource } from '../../authz.js'
import { changeAttributes } from '../../update.js'
import { loadTargetGroup } from '../loaders.js'
import { inputTargets, sameTarget, targetPort } from '../targets.js'

/** ELBv2 DeregisterTargets: removes targets; a target that is not registered is left alone. */
export const deregisterTargets: Operation = {
  async authorize(ctx, input) {
    return [onResource('DeregisterTargets', await loadTargetGroup(ctx, String(input.TargetGroupArn)))]
  },
  async run(ctx, input) {
    const arn = String(input.TargetGroupArn)
    await changeAttributes(
      ctx,
      () => loadTargetGroup(ctx, arn),
      (tg) => {
        const removed = inputTargets(input).map((t) => ({ id: t.Id, port: targetPort(tg, t) }))
        const targets = tg.attributes.targets.filter((t) => !removed.some((r) => sameTarget(t, r.id, r.port)))
        return Object.assign({}, tg.attributes, { targets })
      },
    )
    return {}
  },
}
