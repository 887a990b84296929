import { StoreConflict } from '../../../store/index.js'
import type { AuthorizationRequest, Operation } from '../../operation.js'
import { invalidName, nameScheduledForDeletion, secretExists } from '../errors.js'
import { callerAccount, findSecret, SECRET_KIND, type SecretAttributes } from '../secret.js'
import { SECRET_NAME, secretArn, secretArnSuffix } from '../secret-arn.js'
import { inputTags, requestTagContext } from '../tags.js'
import { CURRENT, inputValue, newVersionId } from '../versions.js'

/** Secrets Manager CreateSecret: a new secret with an optional first version (AWSCURRENT), sealed at rest. */
export const createSecret: Operation = {
  async authorize(ctx, input) {
    const name = String(input.Name)
    const resource = secretArn(ctx.region, callerAccount(ctx), name, secretArnSuffix(ctx.requestId, name))
    const tags = inputTags(input)
    const context = {
      'secretsmanager:Name': name,
      ...(input.Description !== undefined ? { 'secretsmanager:Description': String(input.Description) } : {}),
      ...(input.KmsKeyId !== undefined ? { 'secretsmanager:KmsKeyId': String(input.KmsKeyId) } : {}),
      ...requestTagContext(tags),
    }
    const requests: AuthorizationRequest[] = [{ action: 'secretsmanager:CreateSecret', resource, context }]
    // AWS: tags on create also need secretsmanager:TagResource.
    if (tags.length > 0) requests.push({ action: 'secretsmanager:TagResource', resource, context })
    return requests
  },
  async run(ctx, input) {
    const name = String(input.Name)
    if (!SECRET_NAME.test(name)) throw invalidName()
    const value = inputValue(input)
    const token = input.ClientRequestToken as string | undefined
    const existing = await findSecret(ctx, name)
    if (existing !== undefined) {
      if (existing.attributes.deletedDate !== undefined) throw nameScheduledForDeletion()
      // AWS: a retried CreateSecret (same ClientRequestToken) answers the secret it created.
      if (token !== undefined && existing.attributes.versions[token] !== undefined) {
        return { ARN: existing.arn, Name: name, VersionId: token }
      }
      throw secretExists(name)
    }
    const now = ctx.now.toISOString()
    const versionId = value === undefined ? undefined : (token ?? newVersionId(ctx.random))
    const attributes: SecretAttributes = {
      name,
      ...(input.Description !== undefined ? { description: String(input.Description) } : {}),
      ...(input.KmsKeyId !== undefined ? { kmsKeyId: String(input.KmsKeyId) } : {}),
      createdDate: now,
      lastChangedDate: now,
      versions: versionId === undefined ? {} : { [versionId]: { stages: [CURRENT], createdDate: now } },
    }
    const account = callerAccount(ctx)
    const arn = secretArn(ctx.region, account, name, secretArnSuffix(ctx.requestId, name))
    await ctx.store
      .transaction(async (tx) => {
        await tx.cloudResources.insert({
          arn,
          accountId: account,
          region: ctx.region,
          ...SECRET_KIND,
          id: name,
          attributes,
          tags: inputTags(input),
          at: ctx.now,
        })
        if (value !== undefined && versionId !== undefined)
          await tx.secretVersions.put({ arn, versionId, value, createdAt: ctx.now })
      })
      .catch((error: unknown) => {
        // A concurrent CreateSecret took the name first.
        throw error instanceof StoreConflict ? secretExists(name) : error
      })
    return { ARN: arn, Name: name, ...(versionId === undefined ? {} : { VersionId: versionId }) }
  },
}
