import type { AccessKeyRecord } from '../../../store/index.js'

/** An access key → the IAM `AccessKeyMetadata` shape (never the secret). */
export function toAccessKeyMetadata(
  key: AccessKeyRecord,
  userName: string | undefined,
): Record<string, unknown> {
  return {
    ...(userName === undefined ? {} : { UserName: userName }),
    AccessKeyId: key.id,
    Status: key.status,
    CreateDate: key.createdAt,
  }
}

/** AWS: a key never used reports `N/A` for the service and region and no date. */
export function toAccessKeyLastUsed(key: AccessKeyRecord): Record<string, unknown> {
  return {
    ...(key.lastUsedAt ? { LastUsedDate: key.lastUsedAt } : {}),
    ServiceName: key.lastUsedService ?? 'N/A',
    Region: key.lastUsedRegion ?? 'N/A',
  }
}
