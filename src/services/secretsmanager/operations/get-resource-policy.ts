import type { Operation } from '../../operation.js'
import { secretAuthorization } from '../authz.js'
import { requireSecret } from '../secret.js'

/** Secrets Manager GetResourcePolicy: the secret's resource policy; no ResourcePolicy member when it has none. */
export const getResourcePolicy: Operation = {
  readOnly: true,
  async authorize(ctx, input) {
    return [await secretAuthorization(ctx, 'GetResourcePolicy', input.SecretId)]
  },
  async run(ctx, input) {
    const secret = await requireSecret(ctx, input.SecretId)
    return { ARN: secret.arn, Name: secret.attributes.name, ResourcePolicy: secret.attributes.policy }
  },
}
