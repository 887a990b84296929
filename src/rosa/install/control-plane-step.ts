import { type Instance, RunInstancesCommand } from '@aws-sdk/client-ec2'
import { RegisterTargetsCommand } from '@aws-sdk/client-elastic-load-balancing-v2'
import { clusterTags, type InstallContext, type InstallStep } from './install-context.js'
import { findInstance, rhcosImage } from './instances.js'

/** The control-plane instance type (rosa's default for masters is larger; the size changes nothing here). */
const MASTER_TYPE = 'm6i.xlarge'

/** The bootstrap instance and three masters (gp3 root volumes, ControlPlane instance profile), registered on the API target group. */
export const controlPlaneStep: InstallStep = {
  name: 'control plane',
  async run(ctx) {
    const infra = ctx.cluster.infra_id
    const image = await rhcosImage(ctx)
    if (!ctx.state.bootstrapDone)
      await ensureInstance(ctx, `${infra}-bootstrap`, image, ctx.state.publicSubnets![0]!)
    const masters: string[] = []
    for (let i = 0; i < 3; i++) {
      const subnets = ctx.state.privateSubnets!
      const instance = await ensureInstance(ctx, `${infra}-master-${i}`, image, subnets[i % subnets.length]!)
      masters.push(instance.InstanceId!)
    }
    await ctx.clients.elbv2.send(
      new RegisterTargetsCommand({
        TargetGroupArn: ctx.state.apiTargetGroupArn!,
        Targets: masters.map((Id) => ({ Id, Port: 6443 })),
      }),
    )
  },
}

async function ensureInstance(
  ctx: InstallContext,
  name: string,
  image: string,
  subnet: string,
): Promise<Instance> {
  const existing = await findInstance(ctx, name)
  if (existing !== undefined) return existing
  const made = await ctx.clients.ec2.send(
    new RunInstancesCommand({
      ImageId: image,
      InstanceType: MASTER_TYPE,
      MinCount: 1,
      MaxCount: 1,
      SubnetId: subnet,
      SecurityGroupIds: [ctx.state.controlPlaneSecurityGroup!],
      IamInstanceProfile: { Name: ctx.state.masterProfile! },
      ClientToken: name,
      BlockDeviceMappings: [
        { DeviceName: '/dev/xvda', Ebs: { VolumeSize: 120, VolumeType: 'gp3', DeleteOnTermination: true } },
      ],
      TagSpecifications: [
        { ResourceType: 'instance', Tags: clusterTags(ctx, name) },
        { ResourceType: 'volume', Tags: clusterTags(ctx, `${name}-root`) },
      ],
    }),
  )
  const instance = made.Instances![0]!
  await ctx.log(`launched ${name} ${instance.InstanceId} in ${subnet}`)
  return instance
}
