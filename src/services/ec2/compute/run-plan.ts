import { createHash } from 'node:crypto'
import type { Tag } from '../../../store/index.js'
import type { OperationContext } from '../../operation.js'
import { accountOf } from '../authz.js'
import { invalidParameterValue, missingParameter, notFound } from '../errors.js'
import type { Ec2Record } from '../resource-store.js'
import { requestTags, type TagSpecification } from '../tags.js'
import { type BlockDeviceMappingInput, type PlannedDevice, planDevices } from './block-devices.js'
import { invalidInstanceType } from './errors.js'
import { type CatalogImage, findCatalogImage } from './image-catalog.js'
import { DEFAULT_INSTANCE_TYPE, INSTANCE_TYPES, type InstanceTypeInfo } from './instance-types.js'
import {
  type LaunchGroup,
  type LaunchProfile,
  type LaunchSubnet,
  launchGroups,
  launchKeyPair,
  launchProfile,
  launchSubnet,
} from './launch-context.js'

/** A RunInstances request, checked and with everything it names loaded, between authorization and run. */
export interface RunPlan {
  readonly image: CatalogImage
  readonly type: InstanceTypeInfo
  readonly minCount: number
  readonly maxCount: number
  readonly subnet: LaunchSubnet
  readonly groups: readonly LaunchGroup[]
  readonly keyPair?: Ec2Record
  readonly profile?: LaunchProfile
  readonly devices: readonly PlannedDevice[]
  readonly instanceTags: readonly Tag[]
  readonly volumeTags: readonly Tag[]
  readonly networkInterfaceTags: readonly Tag[]
  readonly userData?: string
  readonly clientToken?: string
  /** A digest of the parameters, to tell a retried request from a different one under the same ClientToken. */
  readonly digest: string
  readonly disableApiTermination: boolean
  readonly disableApiStop: boolean
  readonly ebsOptimized: boolean
  readonly shutdownBehavior: 'stop' | 'terminate'
}

/** The resource types RunInstances TagSpecifications may name. */
const TAG_TYPES = ['instance', 'volume', 'network-interface']

function tagsByType(input: Record<string, unknown>): Map<string, Tag[]> {
  const byType = new Map<string, Tag[]>(TAG_TYPES.map((t) => [t, []]))
  for (const spec of (input.TagSpecifications ?? []) as readonly TagSpecification[]) {
    const type = spec.ResourceType ?? ''
    const list = byType.get(type)
    if (list === undefined)
      throw invalidParameterValue(`'${type}' is not a valid taggable resource type for this operation.`)
    list.push(...requestTags(spec.Tags))
  }
  return byType
}

/** The parameters that decide what a request launches (ClientToken and DryRun aside), as a stable digest. */
function digestOf(input: Record<string, unknown>): string {
  const { ClientToken: _t, DryRun: _d, ...rest } = input
  const canonical = JSON.stringify(rest, (_key, value) =>
    value !== null && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b)))
      : value,
  )
  return createHash('sha256').update(canonical).digest('hex')
}

/** Checks a RunInstances request and loads the image, type, subnet, groups, key pair and instance profile it names. */
export async function planRun(ctx: OperationContext, input: Record<string, unknown>): Promise<RunPlan> {
  if (typeof input.ImageId !== 'string') throw missingParameter('ImageId')
  const image = findCatalogImage(ctx.region, input.ImageId)
  if (image === undefined) throw notFound('image', [input.ImageId])
  const typeName = typeof input.InstanceType === 'string' ? input.InstanceType : DEFAULT_INSTANCE_TYPE
  const type = INSTANCE_TYPES.get(typeName)
  if (type === undefined) throw invalidInstanceType(typeName)
  if (type.architecture !== image.architecture)
    throw invalidParameterValue(
      `The architecture '${type.architecture}' of the specified instance type does not match the architecture '${image.architecture}' of the specified AMI. Specify an instance type and an AMI that have matching architectures, and try again. You can use 'describe-instance-types' or 'describe-images' to discover the architecture of the instance type or AMI.`,
    )
  const minCount = Number(input.MinCount)
  const maxCount = Number(input.MaxCount)
  if (!(minCount >= 1))
    throw invalidParameterValue(`Value (${input.MinCount}) for parameter minCount is invalid.`)
  if (!(maxCount >= minCount))
    throw invalidParameterValue(
      `Value (${input.MaxCount}) for parameter maxCount is invalid. Expecting a value no less than minCount (${minCount}).`,
    )
  const placement = input.Placement as { AvailabilityZone?: string } | undefined
  const subnet = await launchSubnet(ctx, input.SubnetId, placement?.AvailabilityZone)
  const groups = await launchGroups(
    ctx,
    subnet,
    (input.SecurityGroupIds ?? []) as string[],
    (input.SecurityGroups ?? []) as string[],
  )
  const keyPair = typeof input.KeyName === 'string' ? await launchKeyPair(ctx, input.KeyName) : undefined
  const profileSpec = input.IamInstanceProfile as { Arn?: string; Name?: string } | undefined
  const profile =
    profileSpec !== undefined && (profileSpec.Arn !== undefined || profileSpec.Name !== undefined)
      ? await launchProfile(ctx, profileSpec)
      : undefined
  const tags = tagsByType(input)
  const devices = planDevices(image, (input.BlockDeviceMappings ?? []) as BlockDeviceMappingInput[], {
    region: ctx.region,
    account: accountOf(ctx),
  })
  return {
    image,
    type,
    minCount,
    maxCount,
    subnet,
    groups,
    ...(keyPair !== undefined ? { keyPair } : {}),
    ...(profile !== undefined ? { profile } : {}),
    devices,
    instanceTags: tags.get('instance')!,
    volumeTags: tags.get('volume')!,
    networkInterfaceTags: tags.get('network-interface')!,
    ...(typeof input.UserData === 'string' ? { userData: input.UserData } : {}),
    ...(typeof input.ClientToken === 'string' && input.ClientToken !== ''
      ? { clientToken: input.ClientToken }
      : {}),
    digest: digestOf(input),
    disableApiTermination: input.DisableApiTermination === true,
    disableApiStop: input.DisableApiStop === true,
    ebsOptimized: input.EbsOptimized === true,
    shutdownBehavior: input.InstanceInitiatedShutdownBehavior === 'terminate' ? 'terminate' : 'stop',
  }
}
