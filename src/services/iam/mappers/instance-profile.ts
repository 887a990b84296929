import type { InstanceProfileRecord } from '../../../store/index.js'
import { PARTITION } from '../arns.js'
import { toTagShapes } from './tags.js'

/** `arn:aws:iam::A:instance-profile/path/name`. */
export const instanceProfileArn = (account: string, path: string, name: string): string =>
  `arn:${PARTITION}:iam::${account}:instance-profile${path}${name}`

/**
 * An instance profile → the IAM `InstanceProfile` shape, given its roles already shaped.
 * AWS: ListInstanceProfiles and ListInstanceProfilesForRole omit the profile's Tags.
 */
export function toInstanceProfileShape(
  profile: InstanceProfileRecord,
  roles: readonly Record<string, unknown>[],
  withTags: boolean,
): Record<string, unknown> {
  return {
    Path: profile.path,
    InstanceProfileName: profile.name,
    InstanceProfileId: profile.id,
    Arn: instanceProfileArn(profile.accountId, profile.path, profile.name),
    CreateDate: profile.createdAt,
    Roles: roles,
    ...(withTags && profile.tags.length > 0 ? { Tags: toTagShapes(profile.tags) } : {}),
  }
}
