import {
  DescribeImagesCommand,
  DescribeInstancesCommand,
  DescribeSecurityGroupsCommand,
  DescribeSubnetsCommand,
  type Instance,
  RunInstancesCommand,
  TerminateInstancesCommand,
} from '@aws-sdk/client-ec2'
import type { ClusterDocument } from '../cluster-api.js'
import { RHCOS_OWNER } from '../install/instances.js'
import { type ClusterOperator, type OperatorContext, ownedFilter, ownedTags } from './operator.js'

/** The compute instance type (ROSA's default compute machine type). */
const WORKER_TYPE = 'm5.xlarge'

const LIVE_STATES = ['pending', 'running', 'stopping', 'stopped']

/** The prefix of a worker's Name tag (machine-api names machines `<infra-id>-worker-<zone>-<random>`). */
export const workerNamePrefix = (cluster: ClusterDocument): string => `${cluster.infra_id}-worker-`

const nameOf = (i: Instance): string => i.Tags?.find((t) => t.Key === 'Name')?.Value ?? ''

/** The cluster's worker instances that are not terminated (or shutting down), oldest first. */
export async function liveWorkers(ctx: OperatorContext): Promise<Instance[]> {
  const found = await ctx.clients.ec2.send(
    new DescribeInstancesCommand({
      Filters: [ownedFilter(ctx.cluster), { Name: 'instance-state-name', Values: LIVE_STATES }],
    }),
  )
  return (found.Reservations ?? [])
    .flatMap((r) => r.Instances ?? [])
    .filter((i) => nameOf(i).startsWith(workerNamePrefix(ctx.cluster)))
    .sort((a, b) => (a.LaunchTime?.getTime() ?? 0) - (b.LaunchTime?.getTime() ?? 0))
}

/** Where workers go: the cluster's private subnets (one per zone), its node security group, the RHCOS image. */
async function placement(ctx: OperatorContext) {
  const { ec2 } = ctx.clients
  const infra = ctx.cluster.infra_id
  const subnets = (
    (await ec2.send(new DescribeSubnetsCommand({ Filters: [ownedFilter(ctx.cluster)] }))).Subnets ?? []
  )
    .filter((s) => s.Tags?.some((t) => t.Key === 'Name' && t.Value?.startsWith(`${infra}-private-`)))
    .sort((a, b) => (a.AvailabilityZone ?? '').localeCompare(b.AvailabilityZone ?? ''))
  if (subnets.length === 0) throw new Error(`the cluster ${infra} has no private subnets`)
  const groups = await ec2.send(
    new DescribeSecurityGroupsCommand({
      Filters: [ownedFilter(ctx.cluster), { Name: 'tag:Name', Values: [`${infra}-controlplane`] }],
    }),
  )
  const group = groups.SecurityGroups?.[0]?.GroupId
  if (group === undefined) throw new Error(`the cluster ${infra} has no node security group`)
  const images = await ec2.send(
    new DescribeImagesCommand({
      Owners: [RHCOS_OWNER],
      Filters: [
        { Name: 'name', Values: ['rhcos-*'] },
        { Name: 'architecture', Values: ['x86_64'] },
      ],
    }),
  )
  const image = (images.Images ?? []).sort((a, b) => (b.Name ?? '').localeCompare(a.Name ?? ''))[0]?.ImageId
  if (image === undefined) throw new Error(`no RHCOS image in ${ctx.region}`)
  return { subnets, group, image }
}

/** Launches one worker in the zone that has the fewest, with the Worker instance profile (iam:PassRole). */
async function launchWorker(
  ctx: OperatorContext,
  where: Awaited<ReturnType<typeof placement>>,
  workers: readonly Instance[],
): Promise<Instance> {
  const count = (zone: string | undefined) =>
    workers.filter((w) => w.Placement?.AvailabilityZone === zone).length
  const subnet = [...where.subnets].sort((a, b) => count(a.AvailabilityZone) - count(b.AvailabilityZone))[0]!
  const suffix = Math.random().toString(36).slice(2, 7).padEnd(5, '0')
  const name = `${workerNamePrefix(ctx.cluster)}${subnet.AvailabilityZone}-${suffix}`
  const made = await ctx.clients.ec2.send(
    new RunInstancesCommand({
      ImageId: where.image,
      InstanceType: WORKER_TYPE,
      MinCount: 1,
      MaxCount: 1,
      SubnetId: subnet.SubnetId!,
      SecurityGroupIds: [where.group],
      IamInstanceProfile: { Name: `${ctx.cluster.infra_id}-worker-profile` },
      ClientToken: name,
      BlockDeviceMappings: [
        { DeviceName: '/dev/xvda', Ebs: { VolumeSize: 300, VolumeType: 'gp3', DeleteOnTermination: true } },
      ],
      TagSpecifications: [
        { ResourceType: 'instance', Tags: ownedTags(ctx.cluster, name) },
        { ResourceType: 'volume', Tags: ownedTags(ctx.cluster, `${name}-root`) },
      ],
    }),
  )
  const instance = made.Instances![0]!
  await ctx.log(`launched worker ${name} ${instance.InstanceId} in ${subnet.AvailabilityZone}`)
  return instance
}

/**
 * The machine-api operator (`openshift-machine-api/aws-cloud-credentials`): keeps as many worker instances as
 * the cluster's desired compute-node count — launches the missing ones, terminates the newest extra ones.
 */
export const machineApiOperator: ClusterOperator = {
  name: 'machine-api',
  namespace: 'openshift-machine-api',
  secretName: 'aws-cloud-credentials',
  serviceAccount: 'machine-api-controllers',
  async reconcile(ctx) {
    const desired = ctx.cluster.nodes.compute
    const workers = await liveWorkers(ctx)
    if (workers.length < desired) {
      const where = await placement(ctx)
      while (workers.length < desired) workers.push(await launchWorker(ctx, where, workers))
    } else if (workers.length > desired) {
      const extra = workers.splice(desired).map((w) => w.InstanceId!)
      await ctx.clients.ec2.send(new TerminateInstancesCommand({ InstanceIds: extra }))
      await ctx.log(`terminated workers ${extra.join(', ')} (desired ${desired})`)
    }
    const running = workers.filter((w) => w.State?.Name === 'running').length
    return `${workers.length} of ${desired} workers (${running} running)`
  },
}
