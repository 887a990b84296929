import type { AwsError } from '../../kernel/aws-error.js'
import {
  type CloudResourceKey,
  type CloudResourceRecord,
  StoreConflict,
  type Tag,
} from '../../store/index.js'
import type { OperationContext } from '../operation.js'

/** A load balancer or target group a create call asks for. */
export interface AskedResource<A> {
  /** Account, region, service, type and name: where an existing one of that name is found. */
  readonly key: CloudResourceKey
  readonly arn: string
  readonly attributes: A
  readonly tags: readonly Tag[]
  /** Whether a resource stored under that name has the settings asked for. */
  readonly sameSettings: (stored: A, asked: A) => boolean
  /** The error for a name taken by a resource with other settings. */
  readonly duplicateName: () => AwsError
}

/**
 * Stores the resource and answers it; AWS: ELB create calls are idempotent, so when the name is taken by a
 * resource with the same settings that one is answered, and with other settings the call fails as a duplicate.
 */
export async function insertOrExisting<A extends Readonly<Record<string, unknown>>>(
  ctx: OperationContext,
  asked: AskedResource<A>,
): Promise<CloudResourceRecord<A>> {
  try {
    return await ctx.store.cloudResources.insert({
      arn: asked.arn,
      ...asked.key,
      attributes: asked.attributes,
      tags: asked.tags,
      at: ctx.now,
    })
  } catch (error) {
    if (!(error instanceof StoreConflict)) throw error
    const existing = await ctx.store.cloudResources.find<A>(asked.key)
    if (existing === undefined || !asked.sameSettings(existing.attributes, asked.attributes))
      throw asked.duplicateName()
    return existing
  }
}
