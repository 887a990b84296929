import type { Operation } from '../../../operation.js'
import { onResource } from '../../authz.js'
import { changeAttributes } from '../../update.js'
import { loadTargetGroup } from '../loaders.js'
import type { TargetRecord } from '../records.js'
import { checkTargets, inputTargets, sameTarget, targetPort } from '../targets.js'

/** ELBv2 RegisterTargets: adds targets (instance targets must be running); a target already there stays as it was. */
export const registerTargets: Operation = {
  async authorize(ctx, input) {
    return [onResource('RegisterTargets', await loadTargetGroup(ctx, String(input.TargetGroupArn)))]
  },
  async run(ctx, input) {
    const arn = String(input.TargetGroupArn)
    const wanted = inputTargets(input)
    await checkTargets(ctx, await loadTargetGroup(ctx, arn), wanted)
    await changeAttributes(
      ctx,
      () => loadTargetGroup(ctx, arn),
      (tg) => {
        const targets: TargetRecord[] = [...tg.attributes.targets]
        for (const target of wanted) {
          const port = targetPort(tg, target)
          if (targets.some((t) => sameTarget(t, target.Id, port))) continue
          targets.push({
            id: target.Id,
            port,
            ...(target.AvailabilityZone === undefined ? {} : { availabilityZone: target.AvailabilityZone }),
            registeredAt: ctx.now.getTime(),
          })
        }
        return Object.assign({}, tg.attributes, { targets })
      },
    )
    return {}
  },
}
