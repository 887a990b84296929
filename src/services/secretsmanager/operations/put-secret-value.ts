import type { Operation } from '../../operation.js'
import { secretAuthorization } from '../authz.js'
import { requireSecret } from '../secret.js'
import { putVersion, requiredValue } from '../versions.js'

/** Secrets Manager PutSecretValue: a new version taking VersionStages (AWSCURRENT by default). */
export const putSecretValue: Operation = {
  async authorize(ctx, input) {
    return [await secretAuthorization(ctx, 'PutSecretValue', input.SecretId)]
  },
  async run(ctx, input) {
    const secret = await requireSecret(ctx, input.SecretId)
    const value = requiredValue(input)
    const stages = input.VersionStages as string[] | undefined
    const options: { token?: string; stages?: readonly string[] } = {}
    if (input.ClientRequestToken !== undefined) options.token = String(input.ClientRequestToken)
    if (stages !== undefined) options.stages = stages
    const result = await putVersion(ctx, secret, value, options)
    return {
      ARN: secret.arn,
      Name: secret.attributes.name,
      VersionId: result.versionId,
      VersionStages: [...result.stages],
    }
  },
}
