import type { Operation } from '../../operation.js'
import { secretAuthorization } from '../authz.js'
import { requireSecret, type SecretAttributes } from '../secret.js'
import { inputValue, putVersion } from '../versions.js'

/** Secrets Manager UpdateSecret: Description and KmsKeyId, and a new AWSCURRENT version when a value is given. */
export const updateSecret: Operation = {
  async authorize(ctx, input) {
    const context: Record<string, string> = {}
    if (input.Description !== undefined) context['secretsmanager:Description'] = String(input.Description)
    if (input.KmsKeyId !== undefined) context['secretsmanager:KmsKeyId'] = String(input.KmsKeyId)
    return [await secretAuthorization(ctx, 'UpdateSecret', input.SecretId, context)]
  },
  async run(ctx, input) {
    const secret = await requireSecret(ctx, input.SecretId)
    const changes: { description?: string; kmsKeyId?: string } = {}
    if (input.Description !== undefined) changes.description = String(input.Description)
    if (input.KmsKeyId !== undefined) changes.kmsKeyId = String(input.KmsKeyId)
    const value = inputValue(input)
    if (value !== undefined) {
      const token = input.ClientRequestToken as string | undefined
      const result = await putVersion(ctx, secret, value, {
        attributes: changes,
        ...(token !== undefined ? { token } : {}),
      })
      return { ARN: secret.arn, Name: secret.attributes.name, VersionId: result.versionId }
    }
    const attributes: SecretAttributes = Object.assign({}, secret.attributes, changes, {
      lastChangedDate: ctx.now.toISOString(),
    })
    await ctx.store.cloudResources.update(secret.arn, { attributes, at: ctx.now }, secret.revision)
    return { ARN: secret.arn, Name: secret.attributes.name }
  },
}
