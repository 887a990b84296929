import { StoreConflict } from '../../../store/index.js'
import type { Operation } from '../../operation.js'
import { secretAuthorization } from '../authz.js'
import { invalidRequest, valueNotFound } from '../errors.js'
import { requireSecret, versionWithStage } from '../secret.js'
import { CURRENT } from '../versions.js'

/** Secrets Manager GetSecretValue: the value of the version a VersionId or VersionStage (AWSCURRENT) names. */
export const getSecretValue: Operation = {
  readOnly: true,
  async authorize(ctx, input) {
    const context: Record<string, string> = {}
    if (input.VersionId !== undefined) context['secretsmanager:VersionId'] = String(input.VersionId)
    if (input.VersionStage !== undefined) context['secretsmanager:VersionStage'] = String(input.VersionStage)
    return [await secretAuthorization(ctx, 'GetSecretValue', input.SecretId, context)]
  },
  async run(ctx, input) {
    const secret = await requireSecret(ctx, input.SecretId)
    const versionId = input.VersionId as string | undefined
    const stage = input.VersionStage as string | undefined
    const versions = secret.attributes.versions
    let id: string
    if (versionId !== undefined) {
      if (versions[versionId] === undefined) throw valueNotFound('VersionId', versionId)
      if (stage !== undefined && !versions[versionId].stages.includes(stage)) {
        throw invalidRequest('You provided a VersionStage that is not associated to the provided VersionId.')
      }
      id = versionId
    } else {
      const label = stage ?? CURRENT
      const found = versionWithStage(secret.attributes, label)
      if (found === undefined) throw valueNotFound('staging label', label)
      id = found
    }
    const version = await ctx.store.secretVersions.get(secret.arn, id)
    if (version === undefined) throw valueNotFound('VersionId', id)
    await touchLastAccessed(ctx, secret)
    return {
      ARN: secret.arn,
      Name: secret.attributes.name,
      VersionId: id,
      ...('string' in version.value
        ? { SecretString: version.value.string }
        : { SecretBinary: version.value.binary }),
      VersionStages: [...(versions[id]?.stages ?? [])],
      CreatedDate: version.createdAt,
    }
  },
}

/** AWS: LastAccessedDate is a date (midnight UTC), so it is written at most once a day. */
async function touchLastAccessed(
  ctx: Parameters<Operation['run']>[0],
  secret: Awaited<ReturnType<typeof requireSecret>>,
): Promise<void> {
  const day = `${ctx.now.toISOString().slice(0, 10)}T00:00:00.000Z`
  if (secret.attributes.lastAccessedDate === day) return
  // A concurrent write wins; the access date is advisory.
  await ctx.store.cloudResources
    .update(
      secret.arn,
      { attributes: Object.assign({}, secret.attributes, { lastAccessedDate: day }), at: ctx.now },
      secret.revision,
    )
    .catch((error: unknown) => {
      if (!(error instanceof StoreConflict)) throw error
    })
}
