import type { Tag } from '../../store/index.js'
import { StoreConflict } from '../../store/index.js'
import type { OperationContext } from '../operation.js'
import { ec2Arn } from './arns.js'
import { accountOf } from './authz.js'
import { duplicateKeyPair, type KeyPairAttributes } from './key-pairs.js'
import { newResourceId } from './resource-ids.js'
import { type Ec2Record, insertResource } from './resource-store.js'

/** The key pair named `name`, found by its ARN. */
export function keyPairByName(
  ctx: OperationContext,
  name: string,
): Promise<Ec2Record<KeyPairAttributes> | undefined> {
  return ctx.store.cloudResources.get<KeyPairAttributes>(ec2Arn(ctx.region, accountOf(ctx), 'key-pair', name))
}

/** Stores a key pair; InvalidKeyPair.Duplicate when the name is taken. */
export async function insertKeyPair(
  ctx: OperationContext,
  key: Omit<KeyPairAttributes, 'KeyPairId' | 'CreateTime'>,
  tags: readonly Tag[],
): Promise<Ec2Record<KeyPairAttributes>> {
  const id = newResourceId('key', ctx.random)
  try {
    return await insertResource<KeyPairAttributes>(ctx, 'key-pair', {
      id,
      arnId: key.KeyName,
      tags,
      attributes: { KeyPairId: id, ...key, CreateTime: ctx.now.toISOString() },
    })
  } catch (error) {
    if (error instanceof StoreConflict) throw duplicateKeyPair(key.KeyName)
    throw error
  }
}
