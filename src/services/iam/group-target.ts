import type { GroupRecord } from '../../store/index.js'
import type { AuthorizationRequest, OperationContext } from '../operation.js'
import { groupArn } from './arns.js'
import { noSuchGroup } from './errors.js'

/** The group an operation names, found (or not) in the caller's account. */
export interface GroupTarget {
  readonly account: string
  readonly name: string
  readonly group: GroupRecord | undefined
  /** The group's ARN, with its path when it exists. */
  readonly arn: string
}

/** Looks up a group by name in the caller's account. */
export async function groupTarget(ctx: OperationContext, name: string): Promise<GroupTarget> {
  const account = ctx.caller!.principal.account
  const group = await ctx.store.groups.getByName(account, name)
  return {
    account,
    name,
    group,
    arn: group ? groupArn(account, group.path, group.name) : groupArn(account, '/', name),
  }
}

/** The authorization of `action` on the group (groups carry no tags). */
export const onGroup = (action: string, target: GroupTarget): AuthorizationRequest => ({
  action,
  resource: target.arn,
})

/** The existing group, or AWS's NoSuchEntity. */
export function requireGroup(target: GroupTarget): GroupRecord {
  if (target.group === undefined) throw noSuchGroup(target.name)
  return target.group
}
