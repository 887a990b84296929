import type { Secret } from './secret.js'
import { versionsToStages } from './secret.js'
import { tagShapes } from './tags.js'

const date = (iso: string | undefined): Date | undefined => (iso === undefined ? undefined : new Date(iso))

/** The members DescribeSecret and ListSecrets share; absent values are left out, as AWS does. */
function common(secret: Secret): Record<string, unknown> {
  const a = secret.attributes
  return {
    ARN: secret.arn,
    Name: a.name,
    Description: a.description,
    KmsKeyId: a.kmsKeyId,
    LastChangedDate: date(a.lastChangedDate),
    LastAccessedDate: date(a.lastAccessedDate),
    DeletedDate: date(a.deletedDate),
    Tags: secret.tags.length > 0 ? tagShapes(secret.tags) : undefined,
  }
}

/** DescribeSecret's output. */
export function toDescribeShape(secret: Secret): Record<string, unknown> {
  return Object.assign(common(secret), {
    VersionIdsToStages: versionsToStages(secret.attributes),
    CreatedDate: date(secret.attributes.createdDate),
  })
}

/** A ListSecrets SecretListEntry. */
export function toListEntry(secret: Secret): Record<string, unknown> {
  return Object.assign(common(secret), {
    SecretVersionsToStages: versionsToStages(secret.attributes),
    CreatedDate: date(secret.attributes.createdDate),
  })
}
