import type { Operation } from '../../operation.js'
import { accountOf } from '../authz.js'
import { toInstanceShape } from '../compute/instance-shape.js'
import { launch } from '../compute/launch.js'
import { runAuthorizations } from '../compute/run-authorization.js'
import { planRun, type RunPlan } from '../compute/run-plan.js'

/** EC2 RunInstances: launches instances of a catalog image into a subnet, with their EBS volumes. */
export function runInstances(): Operation {
  const plans = new WeakMap<object, RunPlan>()
  return {
    async authorize(ctx, input) {
      const plan = await planRun(ctx, input)
      plans.set(input, plan)
      return runAuthorizations(ctx, plan)
    },
    async run(ctx, input) {
      const plan = plans.get(input) ?? (await planRun(ctx, input))
      const launched = await launch(ctx, plan)
      return {
        ReservationId: launched.reservationId,
        OwnerId: accountOf(ctx),
        Groups: [],
        Instances: launched.instances.map((instance) => toInstanceShape(instance, ctx.region, ctx.now)),
      }
    },
  }
}
