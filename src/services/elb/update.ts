import { type CloudResourceRecord, StoreConflict } from '../../store/index.js'
import type { OperationContext } from '../operation.js'

/** How often a change is recomputed when a concurrent call changed the resource first. */
const ATTEMPTS = 5

/**
 * Reads a resource, computes its new attributes and writes them if nobody changed it meanwhile; on a
 * concurrent change it reads again and recomputes (two RegisterTargets calls on one group both count).
 */
export async function changeAttributes<A>(
  ctx: OperationContext,
  load: () => Promise<CloudResourceRecord<A>>,
  change: (record: CloudResourceRecord<A>) => A | Promise<A>,
): Promise<CloudResourceRecord<A>> {
  for (let attempt = 1; ; attempt++) {
    const record = await load()
    const attributes = await change(record)
    try {
      const updated = await ctx.store.cloudResources.update<A>(
        record.arn,
        { attributes, at: ctx.now },
        record.revision,
      )
      return updated ?? record
    } catch (error) {
      if (!(error instanceof StoreConflict) || attempt === ATTEMPTS) throw error
    }
  }
}
