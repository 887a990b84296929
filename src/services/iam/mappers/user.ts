import type { UserRecord } from '../../../store/index.js'
import { userArn } from '../arns.js'
import { toTagShapes } from './tags.js'

/** A user record → the IAM `User` shape. */
export function toUserShape(user: UserRecord): Record<string, unknown> {
  return {
    Path: user.path,
    UserName: user.name,
    UserId: user.id,
    Arn: userArn(user.accountId, user.path, user.name),
    CreateDate: user.createdAt,
    ...(user.passwordLastUsedAt ? { PasswordLastUsed: user.passwordLastUsedAt } : {}),
    ...(user.permissionsBoundaryArn
      ? {
          PermissionsBoundary: {
            PermissionsBoundaryType: 'PermissionsBoundaryPolicy',
            PermissionsBoundaryArn: user.permissionsBoundaryArn,
          },
        }
      : {}),
    ...(user.tags.length > 0 ? { Tags: toTagShapes(user.tags) } : {}),
  }
}
