import {
  DeleteInternetGatewayCommand,
  DeleteNatGatewayCommand,
  DeleteRouteTableCommand,
  DeleteSecurityGroupCommand,
  DeleteSubnetCommand,
  DeleteVolumeCommand,
  DeleteVpcCommand,
  DescribeAddressesCommand,
  DescribeInstancesCommand,
  DescribeInternetGatewaysCommand,
  DescribeNatGatewaysCommand,
  DescribeRouteTablesCommand,
  DescribeSecurityGroupsCommand,
  DescribeSubnetsCommand,
  DescribeVolumesCommand,
  DescribeVpcsCommand,
  DetachInternetGatewayCommand,
  DisassociateRouteTableCommand,
  ReleaseAddressCommand,
  TerminateInstancesCommand,
} from '@aws-sdk/client-ec2'
import {
  DeleteLoadBalancerCommand as DeleteClassicCommand,
  DescribeLoadBalancersCommand as DescribeClassicCommand,
  DescribeTagsCommand as DescribeClassicTagsCommand,
} from '@aws-sdk/client-elastic-load-balancing'
import {
  DeleteLoadBalancerCommand,
  DeleteTargetGroupCommand,
  DescribeLoadBalancersCommand,
  DescribeTagsCommand,
  DescribeTargetGroupsCommand,
} from '@aws-sdk/client-elastic-load-balancing-v2'
import {
  DeleteInstanceProfileCommand,
  GetInstanceProfileCommand,
  RemoveRoleFromInstanceProfileCommand,
} from '@aws-sdk/client-iam'
import {
  ChangeResourceRecordSetsCommand,
  DeleteHostedZoneCommand,
  ListHostedZonesByNameCommand,
  ListResourceRecordSetsCommand,
} from '@aws-sdk/client-route-53'
import { DeleteBucketCommand, DeleteObjectCommand, ListObjectsV2Command } from '@aws-sdk/client-s3'
import { registryBucketName } from '../operators/image-registry.js'
import { bootstrapBucketTeardown } from './bootstrap-step.js'
import { clusterDomain } from './dns-step.js'
import { hasCode, type InstallContext, type InstallStep, infraTagKey } from './install-context.js'

const owned = (ctx: InstallContext) => [
  { Name: `tag:${infraTagKey(ctx.cluster.infra_id)}`, Values: ['owned'] },
]
const isOwned = (
  ctx: InstallContext,
  tags: readonly { Key?: string; Value?: string }[] | undefined,
): boolean => (tags ?? []).some((t) => t.Key === infraTagKey(ctx.cluster.infra_id) && t.Value === 'owned')

/** Terminates every instance tagged for the cluster. */
const instancesStep: InstallStep = {
  name: 'terminate instances',
  async run(ctx) {
    const found = await ctx.clients.ec2.send(
      new DescribeInstancesCommand({
        Filters: [
          ...owned(ctx),
          { Name: 'instance-state-name', Values: ['pending', 'running', 'stopping', 'stopped'] },
        ],
      }),
    )
    const ids = (found.Reservations ?? []).flatMap((r) => r.Instances ?? []).map((i) => i.InstanceId!)
    if (ids.length === 0) return
    await ctx.clients.ec2.send(new TerminateInstancesCommand({ InstanceIds: ids }))
    await ctx.log(`terminated ${ids.join(', ')}`)
  },
}

/** Deletes every volume tagged for the cluster (the EBS CSI operator's; termination detached them). */
const volumesStep: InstallStep = {
  name: 'delete volumes',
  async run(ctx) {
    const ec2 = ctx.clients.ec2
    const volumes = (await ec2.send(new DescribeVolumesCommand({ Filters: owned(ctx) }))).Volumes ?? []
    const left = volumes.filter((v) => v.State !== 'deleting' && v.State !== 'deleted')
    for (const volume of left)
      await retryDependencies(() => ec2.send(new DeleteVolumeCommand({ VolumeId: volume.VolumeId! })))
    if (left.length > 0) await ctx.log(`deleted volumes ${left.map((v) => v.VolumeId).join(', ')}`)
  },
}

/** Empties and deletes the image registry's bucket (named by rule: the Installer role cannot list buckets). */
const registryBucketStep: InstallStep = {
  name: 'delete image registry bucket',
  async run(ctx) {
    const s3 = ctx.clients.s3
    const Bucket = registryBucketName(ctx.cluster.infra_id, ctx.region)
    try {
      for (;;) {
        const page = await s3.send(new ListObjectsV2Command({ Bucket }))
        for (const object of page.Contents ?? [])
          await s3.send(new DeleteObjectCommand({ Bucket, Key: object.Key! }))
        if (!page.IsTruncated) break
      }
      await s3.send(new DeleteBucketCommand({ Bucket }))
      await ctx.log(`deleted image registry bucket ${Bucket}`)
    } catch (error) {
      if (!hasCode(error, 'NoSuchBucket')) throw error
    }
  },
}

/** Deletes the cluster's network and classic load balancers and its target groups. */
const loadBalancersStep: InstallStep = {
  name: 'delete load balancers',
  async run(ctx) {
    const { elb, elbv2 } = ctx.clients
    const lbs = (await elbv2.send(new DescribeLoadBalancersCommand({}))).LoadBalancers ?? []
    const groups = (await elbv2.send(new DescribeTargetGroupsCommand({}))).TargetGroups ?? []
    const arns = [...lbs.map((l) => l.LoadBalancerArn!), ...groups.map((g) => g.TargetGroupArn!)]
    const ownedArns = new Set<string>()
    for (let i = 0; i < arns.length; i += 20) {
      const tags = await elbv2.send(new DescribeTagsCommand({ ResourceArns: arns.slice(i, i + 20) }))
      for (const d of tags.TagDescriptions ?? []) if (isOwned(ctx, d.Tags)) ownedArns.add(d.ResourceArn!)
    }
    for (const lb of lbs.filter((l) => ownedArns.has(l.LoadBalancerArn!))) {
      await elbv2.send(new DeleteLoadBalancerCommand({ LoadBalancerArn: lb.LoadBalancerArn! }))
      await ctx.log(`deleted load balancer ${lb.LoadBalancerName}`)
    }
    for (const group of groups.filter((g) => ownedArns.has(g.TargetGroupArn!)))
      await elbv2.send(new DeleteTargetGroupCommand({ TargetGroupArn: group.TargetGroupArn! }))
    const classics = (await elb.send(new DescribeClassicCommand({}))).LoadBalancerDescriptions ?? []
    for (const c of classics) {
      const tags = await elb.send(
        new DescribeClassicTagsCommand({ LoadBalancerNames: [c.LoadBalancerName!] }),
      )
      if (!isOwned(ctx, tags.TagDescriptions?.[0]?.Tags)) continue
      await elb.send(new DeleteClassicCommand({ LoadBalancerName: c.LoadBalancerName! }))
      await ctx.log(`deleted classic load balancer ${c.LoadBalancerName}`)
    }
  },
}

/** Deletes the private hosted zone's records and the zone. */
const hostedZoneStep: InstallStep = {
  name: 'delete hosted zone',
  async run(ctx) {
    const route53 = ctx.clients.route53
    const domain = clusterDomain(ctx)
    const listed = await route53.send(new ListHostedZonesByNameCommand({ DNSName: domain, MaxItems: 100 }))
    const zone = (listed.HostedZones ?? []).find(
      (z) => z.Name === `${domain}.` && z.CallerReference === `${ctx.cluster.infra_id}-private`,
    )
    if (zone === undefined) return
    const records = await route53.send(new ListResourceRecordSetsCommand({ HostedZoneId: zone.Id! }))
    const changes = (records.ResourceRecordSets ?? [])
      .filter((r) => r.Type !== 'SOA' && r.Type !== 'NS')
      .map((r) => ({ Action: 'DELETE' as const, ResourceRecordSet: r }))
    if (changes.length > 0)
      await route53.send(
        new ChangeResourceRecordSetsCommand({ HostedZoneId: zone.Id!, ChangeBatch: { Changes: changes } }),
      )
    await route53.send(new DeleteHostedZoneCommand({ Id: zone.Id! }))
    await ctx.log(`deleted hosted zone ${zone.Id} (${domain})`)
  },
}

/** Deletes NAT gateways and releases their Elastic IPs (once the gateways are gone). */
const natStep: InstallStep = {
  name: 'delete NAT gateways',
  async run(ctx) {
    const ec2 = ctx.clients.ec2
    const nats = (await ec2.send(new DescribeNatGatewaysCommand({ Filter: owned(ctx) }))).NatGateways ?? []
    for (const nat of nats.filter((n) => n.State !== 'deleted' && n.State !== 'deleting'))
      await ec2.send(new DeleteNatGatewayCommand({ NatGatewayId: nat.NatGatewayId! }))
    await retryDependencies(async () => {
      const live = (await ec2.send(new DescribeNatGatewaysCommand({ Filter: owned(ctx) }))).NatGateways ?? []
      if (live.some((n) => n.State !== 'deleted'))
        throw Object.assign(new Error('NAT gateways deleting'), { name: 'DependencyViolation' })
    })
    const addresses = (await ec2.send(new DescribeAddressesCommand({ Filters: owned(ctx) }))).Addresses ?? []
    for (const address of addresses)
      await retryDependencies(() =>
        ec2.send(new ReleaseAddressCommand({ AllocationId: address.AllocationId! })),
      )
    await ctx.log(`deleted ${nats.length} NAT gateways, released ${addresses.length} addresses`)
  },
}

/** Deletes the internet gateway, route tables, security groups, subnets and the VPC. */
const networkStep: InstallStep = {
  name: 'delete network',
  async run(ctx) {
    const ec2 = ctx.clients.ec2
    const vpcs = (await ec2.send(new DescribeVpcsCommand({ Filters: owned(ctx) }))).Vpcs ?? []
    for (const igw of (await ec2.send(new DescribeInternetGatewaysCommand({ Filters: owned(ctx) })))
      .InternetGateways ?? []) {
      for (const a of igw.Attachments ?? [])
        await ec2.send(
          new DetachInternetGatewayCommand({ InternetGatewayId: igw.InternetGatewayId!, VpcId: a.VpcId! }),
        )
      await ec2.send(new DeleteInternetGatewayCommand({ InternetGatewayId: igw.InternetGatewayId! }))
    }
    for (const table of (await ec2.send(new DescribeRouteTablesCommand({ Filters: owned(ctx) })))
      .RouteTables ?? []) {
      for (const a of table.Associations ?? [])
        if (!a.Main)
          await ec2.send(new DisassociateRouteTableCommand({ AssociationId: a.RouteTableAssociationId! }))
      await ec2.send(new DeleteRouteTableCommand({ RouteTableId: table.RouteTableId! }))
    }
    for (const group of (await ec2.send(new DescribeSecurityGroupsCommand({ Filters: owned(ctx) })))
      .SecurityGroups ?? [])
      await retryDependencies(() => ec2.send(new DeleteSecurityGroupCommand({ GroupId: group.GroupId! })))
    for (const subnet of (await ec2.send(new DescribeSubnetsCommand({ Filters: owned(ctx) }))).Subnets ?? [])
      await retryDependencies(() => ec2.send(new DeleteSubnetCommand({ SubnetId: subnet.SubnetId! })))
    for (const vpc of vpcs) {
      await retryDependencies(() => ec2.send(new DeleteVpcCommand({ VpcId: vpc.VpcId! })))
      await ctx.log(`deleted VPC ${vpc.VpcId} with its subnets, gateways, route tables and security groups`)
    }
  },
}

/** Removes the roles from the cluster's instance profiles and deletes them. */
const instanceProfilesStep: InstallStep = {
  name: 'delete instance profiles',
  async run(ctx) {
    const iam = ctx.clients.iam
    for (const name of [`${ctx.cluster.infra_id}-master-profile`, `${ctx.cluster.infra_id}-worker-profile`]) {
      const profile = await iam
        .send(new GetInstanceProfileCommand({ InstanceProfileName: name }))
        .then((r) => r.InstanceProfile)
        .catch((error) => {
          if (hasCode(error, 'NoSuchEntity', 'NoSuchEntityException')) return undefined
          throw error
        })
      if (profile === undefined) continue
      for (const role of profile.Roles ?? [])
        await iam.send(
          new RemoveRoleFromInstanceProfileCommand({ InstanceProfileName: name, RoleName: role.RoleName! }),
        )
      await iam.send(new DeleteInstanceProfileCommand({ InstanceProfileName: name }))
      await ctx.log(`deleted instance profile ${name}`)
    }
  },
}

/** Deletes the bootstrap bucket if an interrupted install left it. */
const bucketStep: InstallStep = {
  name: 'delete bootstrap bucket',
  run: (ctx) => bootstrapBucketTeardown(ctx),
}

/** Retries `work` while AWS answers DependencyViolation (instances and NAT gateways take a moment to go), up to 30 s. */
async function retryDependencies<T>(work: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + 30_000
  for (;;) {
    try {
      return await work()
    } catch (error) {
      if (
        !hasCode(error, 'DependencyViolation', 'InvalidIPAddress.InUse', 'AuthFailure', 'VolumeInUse') ||
        Date.now() > deadline
      )
        throw error
      await new Promise((resolve) => setTimeout(resolve, 500))
    }
  }
}

/** The uninstall steps, in order: each finds what is left by the infra-id tag, so a rerun resumes. */
export const UNINSTALL_STEPS: readonly InstallStep[] = [
  instancesStep,
  volumesStep,
  registryBucketStep,
  loadBalancersStep,
  hostedZoneStep,
  natStep,
  networkStep,
  instanceProfilesStep,
  bucketStep,
]
