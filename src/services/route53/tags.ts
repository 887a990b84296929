import type { Tag } from '../../store/index.js'
import type { OperationContext } from '../operation.js'
import { noSuchHealthCheck } from './errors.js'
import { bareZoneId } from './names.js'
import { requireZone, type Zone } from './zone.js'

/** The hosted zone a tagging call names; health checks do not exist in Lanyard. */
export async function taggedZone(ctx: OperationContext, input: Record<string, unknown>): Promise<Zone> {
  const id = bareZoneId(input.ResourceId)
  if (input.ResourceType === 'healthcheck') throw noSuchHealthCheck(id)
  return requireZone(ctx, id)
}

/** A ResourceTagSet. */
export const toTagSet = (zone: Zone): Record<string, unknown> => ({
  ResourceType: 'hostedzone',
  ResourceId: zone.id,
  Tags: zone.tags.map((t: Tag) => ({ Key: t.key, Value: t.value })),
})
