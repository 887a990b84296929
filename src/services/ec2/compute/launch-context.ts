import { AwsError } from '../../../kernel/aws-error.js'
import type { InstanceProfileRecord, RoleRecord } from '../../../store/index.js'
import type { OperationContext } from '../../operation.js'
import { accountOf } from '../authz.js'
import { invalidParameterValue, notFound } from '../errors.js'
import { type Ec2Record, listResources, requireResource } from '../resource-store.js'

/** The subnet an instance launches into, with what RunInstances needs of it. */
export interface LaunchSubnet {
  readonly record: Ec2Record
  readonly subnetId: string
  readonly vpcId: string
  readonly availabilityZone: string
  readonly cidrBlock: string
}

/** A security group an instance gets. */
export interface LaunchGroup {
  readonly record: Ec2Record
  readonly groupId: string
  readonly groupName: string
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '')

function toSubnet(record: Ec2Record): LaunchSubnet {
  const a = record.attributes
  return {
    record,
    subnetId: record.id,
    vpcId: text(a.VpcId),
    availabilityZone: text(a.AvailabilityZone),
    cidrBlock: text(a.CidrBlock),
  }
}

/**
 * The subnet named by SubnetId, or the default subnet of the default VPC (the one in `zone` when given).
 * AWS: without a default VPC, a launch must name a subnet.
 */
export async function launchSubnet(
  ctx: OperationContext,
  subnetId: unknown,
  zone?: string,
): Promise<LaunchSubnet> {
  if (typeof subnetId === 'string') return toSubnet(await requireResource(ctx, 'subnet', subnetId))
  const defaults = (await listResources(ctx, 'subnet')).filter(
    (s) =>
      s.attributes.DefaultForAz === true && (zone === undefined || s.attributes.AvailabilityZone === zone),
  )
  if (defaults.length === 0)
    throw new AwsError(
      'VPCIdNotSpecified',
      400,
      'No default VPC for this user. GroupName is only supported for EC2-Classic and default VPC.',
    )
  return toSubnet(defaults[0]!)
}

/** The security groups of a launch: by id, by name in the subnet's VPC, or the VPC's `default` group. */
export async function launchGroups(
  ctx: OperationContext,
  subnet: LaunchSubnet,
  ids: readonly string[],
  names: readonly string[],
): Promise<LaunchGroup[]> {
  const groups: Ec2Record[] = []
  for (const id of ids) {
    const group = await requireResource(ctx, 'security-group', id)
    // AWS: a group of another VPC than the subnet's cannot be used.
    if (group.attributes.VpcId !== subnet.vpcId)
      throw new AwsError(
        'InvalidParameter',
        400,
        `Security group ${id} and subnet ${subnet.subnetId} belong to different networks.`,
      )
    groups.push(group)
  }
  if (names.length > 0 || ids.length === 0) {
    const inVpc = (await listResources(ctx, 'security-group')).filter(
      (g) => g.attributes.VpcId === subnet.vpcId,
    )
    for (const name of names.length > 0 ? names : ['default']) {
      const group = inVpc.find((g) => g.attributes.GroupName === name)
      if (group === undefined) {
        if (names.length === 0) continue
        throw new AwsError(
          'InvalidGroup.NotFound',
          400,
          `The security group '${name}' does not exist in VPC '${subnet.vpcId}'`,
        )
      }
      groups.push(group)
    }
  }
  return groups.map((record) => ({
    record,
    groupId: record.id,
    groupName: text(record.attributes.GroupName),
  }))
}

/** The key pair named `name`; InvalidKeyPair.NotFound when the account has none by that name. */
export async function launchKeyPair(ctx: OperationContext, name: string): Promise<Ec2Record> {
  const found = (await listResources(ctx, 'key-pair')).find((k) => k.attributes.KeyName === name)
  if (found === undefined) throw notFound('key-pair', [name])
  return found
}

/** An instance profile and the role in it (if any), as RunInstances resolves IamInstanceProfile. */
export interface LaunchProfile {
  readonly profile: InstanceProfileRecord
  readonly arn: string
  readonly role?: RoleRecord
  readonly roleArn?: string
}

const PROFILE_ARN = /^arn:aws:iam::(\d{12}):instance-profile(\/(?:.*\/)?)([^/]+)$/

/** `arn:aws:iam::<account>:instance-profile<path><name>`. */
export function instanceProfileArn(profile: InstanceProfileRecord): string {
  return `arn:aws:iam::${profile.accountId}:instance-profile${profile.path}${profile.name}`
}

/** `arn:aws:iam::<account>:role<path><name>`. */
export function roleArnOf(role: RoleRecord): string {
  return `arn:aws:iam::${role.accountId}:role${role.path}${role.name}`
}

/**
 * The instance profile of `IamInstanceProfile` (by Arn or Name) in the caller's account, with its role.
 * AWS: an unknown profile is InvalidParameterValue naming the member.
 */
export async function launchProfile(
  ctx: OperationContext,
  spec: { readonly Arn?: string; readonly Name?: string },
): Promise<LaunchProfile> {
  const account = accountOf(ctx)
  let profile: InstanceProfileRecord | undefined
  if (spec.Arn !== undefined) {
    const match = PROFILE_ARN.exec(spec.Arn)
    if (match !== null && match[1] === account) {
      const found = await ctx.store.instanceProfiles.getByName(account, match[3]!)
      if (found !== undefined && found.path === match[2]) profile = found
    }
    if (profile === undefined)
      throw invalidParameterValue(
        `Value (${spec.Arn}) for parameter iamInstanceProfile.arn is invalid. Invalid IAM Instance Profile ARN`,
      )
  } else {
    profile = await ctx.store.instanceProfiles.getByName(account, spec.Name ?? '')
    if (profile === undefined)
      throw invalidParameterValue(
        `Value (${spec.Name ?? ''}) for parameter iamInstanceProfile.name is invalid. Invalid IAM Instance Profile name`,
      )
  }
  const roleId = profile.roleIds[0]
  const role = roleId === undefined ? undefined : await ctx.store.roles.get(roleId)
  return {
    profile,
    arn: instanceProfileArn(profile),
    ...(role !== undefined ? { role, roleArn: roleArnOf(role) } : {}),
  }
}
