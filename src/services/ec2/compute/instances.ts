import type { TagFilter } from '../../../store/index.js'
import type { OperationContext } from '../../operation.js'
import { notFound } from '../errors.js'
import { checkId, idsAndTags, listResources } from '../resource-store.js'
import { type InstanceRecord, stateAt } from './instance-shape.js'
import { isExpired } from './instance-state.js'
import type { InstanceAttributes } from './records.js'

/**
 * The caller's instances in the region, ordered by id (only `ids` when given), leaving out terminated ones
 * past their visibility. With ids, Malformed or NotFound as AWS answers them.
 */
export async function loadInstances(
  ctx: OperationContext,
  ids: readonly string[] = [],
  tags: readonly TagFilter[] = [],
): Promise<InstanceRecord[]> {
  for (const id of ids) checkId('instance', id)
  const records = (await listResources<InstanceAttributes>(ctx, 'instance', idsAndTags(ids, tags))).filter(
    (record) => !isExpired(stateAt(record, ctx.now), ctx.now.getTime()),
  )
  if (ids.length > 0 && tags.length === 0) {
    const missing = [...new Set(ids)].filter((id) => !records.some((r) => r.id === id))
    if (missing.length > 0) throw notFound('instance', missing)
  }
  return records
}

/** The named instances in the order asked; NotFound names every missing id. */
export async function requireInstances(
  ctx: OperationContext,
  ids: readonly string[],
): Promise<InstanceRecord[]> {
  const records = await loadInstances(ctx, ids)
  return [...new Set(ids)].map((id) => records.find((r) => r.id === id)!)
}
