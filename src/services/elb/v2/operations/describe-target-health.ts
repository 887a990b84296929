import type { Operation } from '../../../operation.js'
import { elbAuthorization } from '../../authz.js'
import { loadTargetGroup } from '../loaders.js'
import type { TargetRecord } from '../records.js'
import { targetHealth } from '../target-health.js'
import { inputTargets, sameTarget, targetPort } from '../targets.js'

/** ELBv2 DescribeTargetHealth: the health of every registered target, or of the ones asked for. */
export const describeTargetHealth: Operation = {
  readOnly: true,
  async authorize() {
    return [elbAuthorization('DescribeTargetHealth', '*')]
  },
  async run(ctx, input) {
    const tg = await loadTargetGroup(ctx, String(input.TargetGroupArn))
    const asked = inputTargets(input)
    const rows: { target: TargetRecord; registered: boolean }[] =
      asked.length === 0
        ? tg.attributes.targets.map((target) => ({ target, registered: true }))
        : asked.map((t) => {
            const port = targetPort(tg, t)
            const found = tg.attributes.targets.find((r) => sameTarget(r, t.Id, port))
            return { target: found ?? { id: t.Id, port, registeredAt: 0 }, registered: found !== undefined }
          })
    const hcPort = tg.attributes.healthCheck.port
    const descriptions = []
    for (const { target, registered } of rows) {
      descriptions.push({
        Target: {
          Id: target.id,
          ...(tg.attributes.targetType === 'lambda' ? {} : { Port: target.port }),
          ...(target.availabilityZone === undefined ? {} : { AvailabilityZone: target.availabilityZone }),
        },
        ...(hcPort === undefined
          ? {}
          : { HealthCheckPort: hcPort === 'traffic-port' ? String(target.port) : hcPort }),
        TargetHealth: await targetHealth(ctx, tg, registered ? target : undefined),
      })
    }
    return { TargetHealthDescriptions: descriptions }
  },
}
