import { AwsError } from '../../../kernel/aws-error.js'
import type { Operation } from '../../operation.js'
import { currentState, type StoredState } from '../compute/instance-state.js'
import { deleteResource, listResources } from '../resource-store.js'
import { onGroup, requestedGroup } from '../security-group-access.js'
import type { SecurityGroupAttributes } from '../security-groups.js'

const GONE = new Set(['terminated'])

/** Whether a stored instance is live and carries the group, whichever way its attributes spell them. */
function instanceUses(attributes: Readonly<Record<string, unknown>>, groupId: string, now: number): boolean {
  const state = attributes.State ?? attributes.state
  // A stored instance state ({name, since}) advances on the clock: shutting-down becomes terminated.
  const stored = state as Partial<StoredState> | undefined
  const name =
    typeof state === 'string'
      ? state
      : typeof stored?.name === 'string' && typeof stored.since === 'number'
        ? currentState(stored as StoredState, now).name
        : String(
            (state as { Name?: string; name?: string })?.Name ?? (state as { name?: string })?.name ?? '',
          )
  if (GONE.has(name)) return false
  const groups = (attributes.SecurityGroups ?? attributes.securityGroups ?? []) as {
    GroupId?: string
    groupId?: string
  }[]
  return groups.some((g) => (g.GroupId ?? g.groupId) === groupId)
}

/**
 * EC2 DeleteSecurityGroup: AWS refuses the `default` group (CannotDelete) and a group another group's rule
 * references or a live instance or endpoint uses (DependencyViolation).
 */
export const deleteSecurityGroup: Operation = {
  async authorize(ctx, input) {
    return [await onGroup(ctx, 'ec2:DeleteSecurityGroup', input)]
  },
  async run(ctx, input) {
    const group = await requestedGroup(ctx, input)
    if (group.attributes.GroupName === 'default')
      throw new AwsError(
        'CannotDelete',
        400,
        `the specified group: "${group.id}" name: "default" cannot be deleted by a user`,
      )
    const others = (await listResources<SecurityGroupAttributes>(ctx, 'security-group')).filter(
      (g) => g.id !== group.id,
    )
    const referenced = others.some((g) =>
      g.attributes.Rules.some((r) => r.ReferencedGroupInfo?.GroupId === group.id),
    )
    const instances = await listResources(ctx, 'instance')
    const endpoints = await listResources(ctx, 'vpc-endpoint', { parentId: group.attributes.VpcId })
    const used =
      instances.some((i) => instanceUses(i.attributes, group.id, ctx.now.getTime())) ||
      endpoints.some((e) =>
        ((e.attributes.Groups ?? []) as { GroupId: string }[]).some((g) => g.GroupId === group.id),
      )
    if (referenced || used)
      throw new AwsError('DependencyViolation', 400, `resource ${group.id} has a dependent object`)
    await deleteResource(ctx, group)
    return {}
  },
}
