import type { CloudResourceRecord } from '../../../store/index.js'
import type { OperationContext } from '../../operation.js'
import { accountOf, ELB_SERVICE_NAME, RESOURCE_TYPE } from '../arns.js'
import { classicNotFound } from '../errors.js'
import type { ClassicAttributes } from './records.js'

/** A stored classic load balancer. */
export type ClassicRecord = CloudResourceRecord<ClassicAttributes>

/** Where a classic load balancer of `name` is kept. */
export const classicKey = (ctx: OperationContext, name: string) => ({
  accountId: accountOf(ctx),
  region: ctx.region,
  service: ELB_SERVICE_NAME,
  type: RESOURCE_TYPE.classic,
  id: name,
})

/** The classic load balancer of `name`, or undefined. */
export const findClassic = (ctx: OperationContext, name: string): Promise<ClassicRecord | undefined> =>
  ctx.store.cloudResources.find<ClassicAttributes>(classicKey(ctx, name))

/** The classic load balancer of `name`; LoadBalancerNotFound when there is none. */
export async function loadClassic(ctx: OperationContext, name: string): Promise<ClassicRecord> {
  const record = await findClassic(ctx, name)
  if (record === undefined) throw classicNotFound(name)
  return record
}

/** The load balancer named by the input's `LoadBalancerName`. */
export const loadNamed = (ctx: OperationContext, input: Record<string, unknown>): Promise<ClassicRecord> =>
  loadClassic(ctx, String(input.LoadBalancerName))

/** Stores changed attributes (failing on a concurrent change). */
export const saveClassic = (ctx: OperationContext, lb: ClassicRecord, attributes: ClassicAttributes) =>
  ctx.store.cloudResources.update(lb.arn, { attributes, at: ctx.now }, lb.revision)
