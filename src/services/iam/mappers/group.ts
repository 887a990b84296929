import type { GroupRecord } from '../../../store/index.js'
import { groupArn } from '../arns.js'

/** A group record → the IAM `Group` shape. */
export function toGroupShape(group: GroupRecord): Record<string, unknown> {
  return {
    Path: group.path,
    GroupName: group.name,
    GroupId: group.id,
    Arn: groupArn(group.accountId, group.path, group.name),
    CreateDate: group.createdAt,
  }
}
