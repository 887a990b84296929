import { AwsError } from '../../kernel/aws-error.js'
import type { AuthorizationRequest, OperationContext } from '../operation.js'
import { onResource } from './authz.js'
import { parseCidr } from './cidr.js'
import { invalidParameterValue, missingParameter } from './errors.js'
import {
  type Ec2Context,
  type Ec2Record,
  findResource,
  listResources,
  requireResource,
} from './resource-store.js'
import type { IpPermission } from './security-group-rules.js'
import type { SecurityGroupAttributes } from './security-groups.js'

/** A stored security group. */
export type GroupRecord = Ec2Record<SecurityGroupAttributes>

/** AWS: a group named without an id is looked up in the default VPC, which Lanyard accounts do not have. */
export const groupNotInDefaultVpc = (name: string): AwsError =>
  new AwsError(
    'InvalidGroup.NotFound',
    400,
    `The security group '${name}' does not exist in default VPC 'none'`,
  )

/** The group a request names by GroupId. */
export async function requestedGroup(ctx: Ec2Context, input: Record<string, unknown>): Promise<GroupRecord> {
  if (typeof input.GroupId === 'string')
    return requireResource<SecurityGroupAttributes>(ctx, 'security-group', input.GroupId)
  if (typeof input.GroupName === 'string') throw groupNotInDefaultVpc(input.GroupName)
  throw missingParameter('groupId')
}

/** An authorization on the group a request names, with `ec2:Vpc` naming its VPC. */
export async function onGroup(
  ctx: OperationContext,
  action: string,
  input: Record<string, unknown>,
): Promise<AuthorizationRequest> {
  const id = String(input.GroupId ?? input.GroupName ?? '')
  const group = typeof input.GroupId === 'string' ? await findResource(ctx, 'security-group', id) : undefined
  const vpc = group?.attributes.VpcId
  const context: Record<string, string> =
    typeof vpc === 'string' ? { 'ec2:Vpc': `arn:aws:ec2:${ctx.region}:${group!.accountId}:vpc/${vpc}` } : {}
  return onResource(ctx, action, 'security-group', id, group, context)
}

/**
 * The permissions of an Authorize/Revoke request: `IpPermissions`, or the older top-level members (CidrIp,
 * IpProtocol, FromPort, ToPort, SourceSecurityGroupName); referenced groups resolved to ids in the group's VPC.
 */
export async function requestedPermissions(
  ctx: Ec2Context,
  group: GroupRecord,
  input: Record<string, unknown>,
): Promise<IpPermission[]> {
  let permissions = (input.IpPermissions ?? []) as IpPermission[]
  if (permissions.length === 0 && (input.IpProtocol !== undefined || input.CidrIp !== undefined)) {
    const source =
      typeof input.SourceSecurityGroupName === 'string' ? input.SourceSecurityGroupName : undefined
    permissions = [
      {
        IpProtocol: String(input.IpProtocol ?? '-1'),
        ...(input.FromPort === undefined ? {} : { FromPort: Number(input.FromPort) }),
        ...(input.ToPort === undefined ? {} : { ToPort: Number(input.ToPort) }),
        ...(typeof input.CidrIp === 'string' ? { IpRanges: [{ CidrIp: input.CidrIp }] } : {}),
        ...(source === undefined
          ? {}
          : { UserIdGroupPairs: [{ GroupName: source } as { GroupId?: string }] }),
      },
    ]
  }
  const groups = await listResources<SecurityGroupAttributes>(ctx, 'security-group', {
    parentId: group.attributes.VpcId,
  })
  const resolved: IpPermission[] = []
  for (const permission of permissions) {
    for (const range of permission.IpRanges ?? [])
      if (parseCidr(range.CidrIp ?? '') === undefined)
        throw invalidParameterValue(`CIDR block ${range.CidrIp ?? ''} is malformed`)
    const pairs = []
    for (const pair of (permission.UserIdGroupPairs ?? []) as { GroupId?: string; GroupName?: string }[]) {
      if (pair.GroupId !== undefined) {
        await requireResource(ctx, 'security-group', pair.GroupId)
        pairs.push(Object.assign({}, pair, { GroupId: pair.GroupId }))
        continue
      }
      const named = groups.find((g) => g.attributes.GroupName === pair.GroupName)
      if (named === undefined) throw groupNotInDefaultVpc(pair.GroupName ?? '')
      const { GroupName: _name, ...rest } = pair
      pairs.push(Object.assign(rest, { GroupId: named.id }))
    }
    resolved.push(Object.assign({}, permission, { UserIdGroupPairs: pairs }))
  }
  return resolved
}
