import type { UserRecord } from '../../../store/index.js'
import { userArn } from '../arns.js'
import { toTagShapes } from './tags.js'

/** A user record → the IAM `User` shape; AWS: list forms omit the boundary and the tags. */
export function toUserShape(
  user: UserRecord,
  options: { readonly list?: boolean } = {},
): Record<string, unknown> {
  const full = options.list !== true
  return {
    Path: user.path,
    UserName: user.name,
    UserId: user.id,
    Arn: userArn(user.accountId, user.path, user.name),
    CreateDate: user.createdAt,
    ...(user.passwordLastUsedAt ? { PasswordLastUsed: user.passwordLastUsedAt } : {}),
    ...(full && user.permissionsBoundaryArn
      ? {
          PermissionsBoundary: {
            PermissionsBoundaryType: 'PermissionsBoundaryPolicy',
            PermissionsBoundaryArn: user.permissionsBoundaryArn,
          },
        }
      : {}),
    ...(full && user.tags.length > 0 ? { Tags: toTagShapes(user.tags) } : {}),
  }
}
