import type { ContextValue } from '../../../policy/index.js'
import type { AuthorizationRequest, OperationContext } from '../../operation.js'
import { ec2Arn } from '../arns.js'
import { accountOf, onNewResource, onResource, tagOnCreate } from '../authz.js'
import type { RunPlan } from './run-plan.js'

const ACTION = 'ec2:RunInstances'

/**
 * What RunInstances authorizes (service authorization reference): ec2:RunInstances on the new instance,
 * each new volume and the new network interface, and on the image, subnet, security groups and key pair
 * it uses, each with its condition keys; ec2:CreateTags for tags on create; iam:PassRole on the instance
 * profile's role, passed to ec2.amazonaws.com.
 */
export function runAuthorizations(ctx: OperationContext, plan: RunPlan): AuthorizationRequest[] {
  const account = accountOf(ctx)
  const zone = plan.subnet.availabilityZone
  const vpcArn = ec2Arn(ctx.region, account, 'vpc', plan.subnet.vpcId)
  const instance: Record<string, ContextValue> = {
    'ec2:InstanceType': plan.type.name,
    'ec2:AvailabilityZone': zone,
    'ec2:RootDeviceType': 'ebs',
    'ec2:Tenancy': 'default',
    'ec2:EbsOptimized': String(plan.ebsOptimized),
    'ec2:InstanceMarketType': 'on-demand',
    'ec2:MetadataHttpEndpoint': 'enabled',
    'ec2:MetadataHttpTokens': 'required',
    'ec2:MetadataHttpPutResponseHopLimit': '2',
    'ec2:InstanceMetadataTags': 'disabled',
  }
  if (plan.profile !== undefined) instance['ec2:InstanceProfile'] = plan.profile.arn
  const requests: AuthorizationRequest[] = [
    onNewResource(ctx, ACTION, 'instance', plan.instanceTags, instance),
    ...plan.devices.map((device) =>
      onNewResource(ctx, ACTION, 'volume', plan.volumeTags, {
        'ec2:AvailabilityZone': zone,
        'ec2:Encrypted': String(device.spec.encrypted),
        'ec2:VolumeSize': String(device.spec.size),
        'ec2:VolumeType': device.spec.volumeType,
        ...(device.spec.iops !== undefined ? { 'ec2:VolumeIops': String(device.spec.iops) } : {}),
        ...(device.spec.throughput !== undefined
          ? { 'ec2:VolumeThroughput': String(device.spec.throughput) }
          : {}),
        ...(device.spec.snapshotId !== undefined
          ? { 'ec2:ParentSnapshot': ec2Arn(ctx.region, '', 'snapshot', device.spec.snapshotId) }
          : {}),
      }),
    ),
    onNewResource(ctx, ACTION, 'network-interface', plan.networkInterfaceTags, {
      'ec2:Subnet': plan.subnet.record.arn,
      'ec2:Vpc': vpcArn,
      'ec2:AvailabilityZone': zone,
      'ec2:AssociatePublicIpAddress': 'false',
    }),
    {
      action: ACTION,
      resource: ec2Arn(ctx.region, '', 'image', plan.image.imageId),
      context: {
        'ec2:Region': ctx.region,
        'ec2:ImageID': plan.image.imageId,
        'ec2:ImageType': 'machine',
        'ec2:Owner': plan.image.ownerId,
        'ec2:Public': 'true',
        'ec2:RootDeviceType': 'ebs',
      },
    },
    onResource(ctx, ACTION, 'subnet', plan.subnet.subnetId, plan.subnet.record, {
      'ec2:SubnetID': plan.subnet.subnetId,
      'ec2:Vpc': vpcArn,
      'ec2:AvailabilityZone': zone,
    }),
    ...plan.groups.map((group) =>
      onResource(ctx, ACTION, 'security-group', group.groupId, group.record, {
        'ec2:SecurityGroupID': group.groupId,
        'ec2:Vpc': vpcArn,
      }),
    ),
  ]
  if (plan.keyPair !== undefined) {
    const name = String(plan.keyPair.attributes.KeyName ?? '')
    requests.push(
      onResource(ctx, ACTION, 'key-pair', name, plan.keyPair, {
        'ec2:KeyPairName': name,
        'ec2:KeyPairType': String(plan.keyPair.attributes.KeyType ?? 'rsa'),
      }),
    )
  }
  requests.push(...tagOnCreate(ctx, ACTION, 'instance', plan.instanceTags))
  requests.push(...tagOnCreate(ctx, ACTION, 'volume', plan.volumeTags))
  requests.push(...tagOnCreate(ctx, ACTION, 'network-interface', plan.networkInterfaceTags))
  if (plan.profile?.roleArn !== undefined)
    requests.push({
      action: 'iam:PassRole',
      resource: plan.profile.roleArn,
      context: { 'iam:PassedToService': 'ec2.amazonaws.com' },
    })
  return requests
}
