import type { Operation } from '../../operation.js'
import { secretAuthorization } from '../authz.js'
import { requireSecret, type SecretAttributes } from '../secret.js'
import { inputValue, putVersion } from '../versions.js'

/** Secrets Manager UpdateSecret: Description and KmsKeyId, and a new AWSCURRENT version when a value is given. */
export const updateSecret: Operation = {
  async authorize(ctx, input) {
    const context = {
      ...(input.Description !== undefined ? { 'secretsmanager:Description': String(input.Description) } : {}),
      ...(input.KmsKeyId !== undefined ? { 'secretsmanager:KmsKeyId': String(input.KmsKeyId) } : {}),
    }
    return [await secretAuthorization(ctx, 'UpdateSecret', input.SecretId, context)]
  },
  async run(ctx, input) {
    const secret = await requireSecret(ctx, input.SecretId)
    const changes: Partial<SecretAttributes> = {
      ...(input.Description !== undefined ? { description: String(input.Description) } : {}),
      ...(input.KmsKeyId !== undefined ? { kmsKeyId: String(input.KmsKeyId) } : {}),
    }
    const value = inputValue(input)
    const out = { ARN: secret.arn, Name: secret.attributes.name }
    if (value !== undefined) {
      const token = input.ClientRequestToken as string | undefined
      const result = await putVersion(ctx, secret, value, {
        ...(token !== undefined ? { token } : {}),
        attributes: changes,
      })
      return { ...out, VersionId: result.versionId }
    }
    const attributes: SecretAttributes = {
      ...secret.attributes,
      ...changes,
      lastChangedDate: ctx.now.toISOString(),
    }
    await ctx.store.cloudResources.update(secret.arn, { attributes, at: ctx.now }, secret.revision)
    return out
  },
}
