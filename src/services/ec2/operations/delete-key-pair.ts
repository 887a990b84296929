import type { Operation } from '../../operation.js'
import { onResource } from '../authz.js'
import { missingParameter } from '../errors.js'
import { keyPairByName } from '../key-pair-store.js'
import { deleteResource, type Ec2Context, findResource } from '../resource-store.js'

/** The key pair a request names by KeyName or KeyPairId. */
async function requested(ctx: Ec2Context, input: Record<string, unknown>) {
  if (typeof input.KeyPairId === 'string') return findResource(ctx, 'key-pair', input.KeyPairId)
  if (typeof input.KeyName === 'string') return keyPairByName(ctx, input.KeyName)
  return undefined
}

/** EC2 DeleteKeyPair: by name or id; AWS answers success for a key that is not there. */
export const deleteKeyPair: Operation = {
  async authorize(ctx, input) {
    const key = await requested(ctx, input)
    const name = String(key?.attributes.KeyName ?? input.KeyName ?? input.KeyPairId ?? '')
    return [onResource(ctx, 'ec2:DeleteKeyPair', 'key-pair', name, key)]
  },
  async run(ctx, input) {
    if (input.KeyName === undefined && input.KeyPairId === undefined) throw missingParameter('keyName')
    const key = await requested(ctx, input)
    if (key !== undefined) await deleteResource(ctx, key)
    return {}
  },
}
