import type { Tag, UserRecord } from '../../store/index.js'
import { userArn } from './arns.js'

/** Store tags → the IAM `Tag` list shape. */
export const toTagShapes = (tags: readonly Tag[]) => tags.map((tag) => ({ Key: tag.key, Value: tag.value }))

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
