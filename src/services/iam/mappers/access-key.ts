import type { AccessKeyRecord } from '../../../store/index.js'

/** An access key → the IAM `AccessKeyMetadata` shape (never the secret). */
export function toAccessKeyMetadata(
  key: AccessKeyRecord,
  userName: string | undefined,
): Record<string, unknown> {
  return {
    AccessKeyId: key.id,
    Status: key.status,
    CreateDate: key.createdAt,
    ...(userName === undefined ? {} : { UserName: userName }),
  }
}

/** AWS: a key never used reports `N/A` for the service and region and no date. */
export function toAccessKeyLastUsed(key: AccessKeyRecord): Record<string, unknown> {
  return {
    ServiceName: key.lastUsedService ?? 'N/A',
    Region: key.lastUsedRegion ?? 'N/A',
    ...(key.lastUsedAt ? { LastUsedDate: key.lastUsedAt } : {}),
  }
}
