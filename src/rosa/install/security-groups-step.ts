import {
  AuthorizeSecurityGroupIngressCommand,
  CreateSecurityGroupCommand,
  DescribeSecurityGroupsCommand,
  type IpPermission,
} from '@aws-sdk/client-ec2'
import {
  clusterTags,
  hasCode,
  type InstallContext,
  type InstallStep,
  ownedFilters,
} from './install-context.js'

const tcp = (port: number, cidr: string): IpPermission => ({
  IpProtocol: 'tcp',
  FromPort: port,
  ToPort: port,
  IpRanges: [{ CidrIp: cidr }],
})

/** The control-plane and load-balancer security groups and their ingress rules (6443, 22623, 443, 80). */
export const securityGroupsStep: InstallStep = {
  name: 'security groups',
  async run(ctx) {
    const infra = ctx.cluster.infra_id
    const vpcCidr = ctx.state.vpcCidr!
    ctx.state.controlPlaneSecurityGroup = await ensureGroup(ctx, `${infra}-controlplane`, 'control plane', [
      tcp(6443, vpcCidr),
      tcp(22623, vpcCidr),
      tcp(22, vpcCidr),
    ])
    ctx.state.loadBalancerSecurityGroup = await ensureGroup(
      ctx,
      `${infra}-ingress-lb`,
      'ingress load balancer',
      [tcp(443, '0.0.0.0/0'), tcp(80, '0.0.0.0/0')],
    )
  },
}

async function ensureGroup(
  ctx: InstallContext,
  name: string,
  description: string,
  rules: IpPermission[],
): Promise<string> {
  const ec2 = ctx.clients.ec2
  const found = await ec2.send(new DescribeSecurityGroupsCommand({ Filters: ownedFilters(ctx, name) }))
  let groupId = found.SecurityGroups?.[0]?.GroupId
  if (groupId === undefined) {
    const made = await ec2.send(
      new CreateSecurityGroupCommand({
        GroupName: name,
        Description: `${ctx.cluster.name} ${description}`,
        VpcId: ctx.state.vpcId!,
        TagSpecifications: [{ ResourceType: 'security-group', Tags: clusterTags(ctx, name) }],
      }),
    )
    groupId = made.GroupId!
    await ctx.log(`created security group ${groupId} ${name}`)
  }
  for (const rule of rules) {
    try {
      await ec2.send(new AuthorizeSecurityGroupIngressCommand({ GroupId: groupId, IpPermissions: [rule] }))
    } catch (error) {
      // AWS: a rule that already exists is InvalidPermission.Duplicate; on resume it is already there.
      if (!hasCode(error, 'InvalidPermission.Duplicate')) throw error
    }
  }
  return groupId
}
