import type { OperationContext } from '../../operation.js'
import { accountOf } from '../authz.js'
import { type InstanceRecord, stateAt } from './instance-shape.js'
import { INSTANCE_TYPES } from './instance-types.js'
import { launchable, quotasOf, usage } from './quotas.js'

/**
 * Checks that the stopped instances among `records` fit the running-instance quotas once started:
 * `VcpuLimitExceeded` or `InstanceLimitExceeded` as RunInstances answers them.
 */
export async function checkStartQuota(
  ctx: OperationContext,
  records: readonly InstanceRecord[],
): Promise<void> {
  const starting = records.filter((r) => stateAt(r, ctx.now).name === 'stopped')
  if (starting.length === 0) return
  const account = accountOf(ctx)
  const quotas = await quotasOf(ctx.store, account, ctx.region)
  const used = await usage(ctx.store, account, ctx.region, ctx.now)
  for (const record of starting) {
    launchable(quotas, used, record.attributes.instanceType, 1, 1)
    used.instances++
    const type = INSTANCE_TYPES.get(record.attributes.instanceType)
    if (type?.standard) used.standardVcpus += type.vcpus
  }
}
