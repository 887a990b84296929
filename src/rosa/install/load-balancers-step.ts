import {
  CreateLoadBalancerCommand as CreateClassicCommand,
  DescribeLoadBalancersCommand as DescribeClassicCommand,
} from '@aws-sdk/client-elastic-load-balancing'
import {
  CreateListenerCommand,
  CreateLoadBalancerCommand,
  CreateTargetGroupCommand,
  DescribeListenersCommand,
  DescribeLoadBalancersCommand,
  DescribeTargetGroupsCommand,
} from '@aws-sdk/client-elastic-load-balancing-v2'
import { clusterTags, hasCode, type InstallContext, type InstallStep } from './install-context.js'

/** The internal API network load balancer (6443 to the masters) and the ingress classic load balancer (443, 80). */
export const loadBalancersStep: InstallStep = {
  name: 'load balancers',
  async run(ctx) {
    const infra = ctx.cluster.infra_id
    ctx.state.apiLoadBalancer = await ensureApiLoadBalancer(ctx, `${infra}-int`, `${infra}-aint`)
    await ensureIngressLoadBalancer(ctx, `${infra}-ing`)
  },
}

async function ensureApiLoadBalancer(
  ctx: InstallContext,
  name: string,
  targetGroupName: string,
): Promise<{ dnsName: string; zoneId: string }> {
  const elbv2 = ctx.clients.elbv2
  let lb = await elbv2
    .send(new DescribeLoadBalancersCommand({ Names: [name] }))
    .then((r) => r.LoadBalancers?.[0])
    .catch((error) => {
      if (hasCode(error, 'LoadBalancerNotFound')) return undefined
      throw error
    })
  if (lb === undefined) {
    const made = await elbv2.send(
      new CreateLoadBalancerCommand({
        Name: name,
        Type: 'network',
        Scheme: 'internal',
        Subnets: [...ctx.state.privateSubnets!],
        Tags: clusterTags(ctx, name),
      }),
    )
    lb = made.LoadBalancers![0]!
    await ctx.log(`created API network load balancer ${name} (${lb.DNSName})`)
  }
  let group = await elbv2
    .send(new DescribeTargetGroupsCommand({ Names: [targetGroupName] }))
    .then((r) => r.TargetGroups?.[0])
    .catch((error) => {
      if (hasCode(error, 'TargetGroupNotFound')) return undefined
      throw error
    })
  if (group === undefined) {
    const made = await elbv2.send(
      new CreateTargetGroupCommand({
        Name: targetGroupName,
        Protocol: 'TCP',
        Port: 6443,
        VpcId: ctx.state.vpcId!,
        TargetType: 'instance',
        Tags: clusterTags(ctx, targetGroupName),
      }),
    )
    group = made.TargetGroups![0]!
    await ctx.log(`created target group ${targetGroupName}`)
  }
  ctx.state.apiTargetGroupArn = group.TargetGroupArn!
  const listeners = await elbv2.send(new DescribeListenersCommand({ LoadBalancerArn: lb.LoadBalancerArn! }))
  if (!(listeners.Listeners ?? []).some((l) => l.Port === 6443))
    await elbv2.send(
      new CreateListenerCommand({
        LoadBalancerArn: lb.LoadBalancerArn!,
        Protocol: 'TCP',
        Port: 6443,
        DefaultActions: [{ Type: 'forward', TargetGroupArn: group.TargetGroupArn! }],
      }),
    )
  return { dnsName: lb.DNSName!, zoneId: lb.CanonicalHostedZoneId! }
}

async function ensureIngressLoadBalancer(ctx: InstallContext, name: string): Promise<void> {
  const elb = ctx.clients.elb
  const existing = await elb
    .send(new DescribeClassicCommand({ LoadBalancerNames: [name] }))
    .then((r) => r.LoadBalancerDescriptions?.[0])
    .catch((error) => {
      if (hasCode(error, 'LoadBalancerNotFound', 'AccessPointNotFound')) return undefined
      throw error
    })
  if (existing !== undefined) return
  const made = await elb.send(
    new CreateClassicCommand({
      LoadBalancerName: name,
      Listeners: [
        { Protocol: 'TCP', LoadBalancerPort: 443, InstanceProtocol: 'TCP', InstancePort: 443 },
        { Protocol: 'TCP', LoadBalancerPort: 80, InstanceProtocol: 'TCP', InstancePort: 80 },
      ],
      Subnets: [...ctx.state.publicSubnets!],
      SecurityGroups: [ctx.state.loadBalancerSecurityGroup!],
      Tags: clusterTags(ctx, name),
    }),
  )
  await ctx.log(`created ingress classic load balancer ${name} (${made.DNSName})`)
}
