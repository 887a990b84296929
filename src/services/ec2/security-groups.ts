import { accountOf } from './authz.js'
import { newResourceId } from './resource-ids.js'
import type { Ec2Context, Ec2Record } from './resource-store.js'
import { permissionsOf, type SecurityGroupRule } from './security-group-rules.js'
import { toWireTags } from './tags.js'

/** The attributes of a stored security group: its wire members, and its rules one by one. */
export interface SecurityGroupAttributes {
  readonly GroupId: string
  readonly GroupName: string
  readonly Description: string
  readonly VpcId: string
  readonly OwnerId: string
  readonly Rules: readonly SecurityGroupRule[]
}

/** AWS: every new group may send anything anywhere. */
export function defaultEgressRule(ctx: Ec2Context): SecurityGroupRule {
  return {
    SecurityGroupRuleId: newResourceId('sgr', ctx.random),
    IsEgress: true,
    IpProtocol: '-1',
    FromPort: -1,
    ToPort: -1,
    CidrIpv4: '0.0.0.0/0',
  }
}

/** The `default` group of a new VPC: all traffic in from its own members, all traffic out. */
export function defaultGroupAttributes(ctx: Ec2Context, id: string, vpcId: string): SecurityGroupAttributes {
  return {
    GroupId: id,
    GroupName: 'default',
    Description: 'default VPC security group',
    VpcId: vpcId,
    OwnerId: accountOf(ctx),
    Rules: [
      {
        SecurityGroupRuleId: newResourceId('sgr', ctx.random),
        IsEgress: false,
        IpProtocol: '-1',
        FromPort: -1,
        ToPort: -1,
        ReferencedGroupInfo: { GroupId: id, UserId: accountOf(ctx) },
      },
      defaultEgressRule(ctx),
    ],
  }
}

/** The wire shape of a group (DescribeSecurityGroups). */
export function securityGroupShape(record: Ec2Record): Record<string, unknown> {
  const a = record.attributes as unknown as SecurityGroupAttributes
  return {
    GroupId: a.GroupId,
    GroupName: a.GroupName,
    Description: a.Description,
    VpcId: a.VpcId,
    OwnerId: a.OwnerId,
    IpPermissions: permissionsOf(a.Rules.filter((r) => !r.IsEgress)),
    IpPermissionsEgress: permissionsOf(a.Rules.filter((r) => r.IsEgress)),
    Tags: toWireTags(record.tags),
  }
}

/** The wire shape of one rule of a group (DescribeSecurityGroupRules, Authorize*). */
export function ruleShape(group: SecurityGroupAttributes, rule: SecurityGroupRule): Record<string, unknown> {
  const shape: Record<string, unknown> = {}
  return Object.assign(shape, rule, { GroupId: group.GroupId, GroupOwnerId: group.OwnerId, Tags: [] })
}
