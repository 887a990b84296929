import { AwsError } from '../../kernel/aws-error.js'
import type { OperationContext } from '../operation.js'
import { ec2Arn } from './arns.js'
import { accountOf } from './authz.js'
import { notFound } from './errors.js'
import { type Ec2Record, findResource } from './resource-store.js'
import { resourceTypeOfId } from './resource-types.js'

/** A resource a CreateTags/DeleteTags call names: its type, ARN and record when it exists. */
export interface TaggedTarget {
  readonly id: string
  readonly type: string | undefined
  readonly arn: string
  readonly record: Ec2Record | undefined
}

/** Finds the resource behind an id of any taggable type (by its prefix). */
export async function taggedTarget(ctx: OperationContext, id: string): Promise<TaggedTarget> {
  const type = resourceTypeOfId(id)?.type
  if (type === undefined) return { id, type, arn: '*', record: undefined }
  const record = await findResource(ctx, type, id)
  return { id, type, arn: record?.arn ?? ec2Arn(ctx.region, accountOf(ctx), type, id), record }
}

/** The record of a target; AWS's InvalidID or NotFound error when there is none. */
export function existingTarget(target: TaggedTarget): Ec2Record {
  if (target.type === undefined) throw invalidId(target.id)
  if (target.record === undefined) throw notFound(target.type, [target.id])
  return target.record
}

/** AWS: `The ID '<id>' is not valid` for an id of no taggable type. */
const invalidId = (id: string) => new AwsError('InvalidID', 400, `The ID '${id}' is not valid`)
