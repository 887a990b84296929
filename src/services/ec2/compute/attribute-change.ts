import { AwsError } from '../../../kernel/aws-error.js'
import type { OperationContext } from '../../operation.js'
import { invalidParameterCombination } from '../errors.js'
import { requireResource } from '../resource-store.js'
import { requireStopped, STOPPED_ONLY } from './instance-attributes.js'
import type { InstanceRecord } from './instance-shape.js'
import { INSTANCE_TYPES } from './instance-types.js'
import type { InstanceAttributes } from './records.js'

/** The attributes one ModifyInstanceAttribute call may change. */
export type AttributeChange = {
  -readonly [K in
    | 'instanceType'
    | 'userData'
    | 'disableApiTermination'
    | 'disableApiStop'
    | 'sourceDestCheck'
    | 'ebsOptimized'
    | 'shutdownBehavior'
    | 'securityGroups'
    | 'blockDevices']?: InstanceAttributes[K]
}

const memberValue = (member: unknown): unknown => (member as { Value?: unknown } | undefined)?.Value

const base64 = (value: unknown): string =>
  value instanceof Uint8Array ? Buffer.from(value).toString('base64') : String(value ?? '')

/** The legacy `Attribute`+`Value` form, as the member it stands for. */
const LEGACY: Readonly<Record<string, string>> = {
  instanceType: 'InstanceType',
  userData: 'UserData',
  disableApiTermination: 'DisableApiTermination',
  disableApiStop: 'DisableApiStop',
  sourceDestCheck: 'SourceDestCheck',
  ebsOptimized: 'EbsOptimized',
  instanceInitiatedShutdownBehavior: 'InstanceInitiatedShutdownBehavior',
}

const bool = (value: unknown): boolean => value === true || value === 'true'

/**
 * The change a ModifyInstanceAttribute request makes, checked against the instance: one attribute per call,
 * instanceType/userData/ebsOptimized only while stopped, security groups of the instance's VPC.
 */
export async function attributeChange(
  ctx: OperationContext,
  record: InstanceRecord,
  input: Record<string, unknown>,
): Promise<AttributeChange> {
  const members: Record<string, unknown> = { ...input }
  if (typeof input.Attribute === 'string') {
    const member = LEGACY[input.Attribute]
    if (member === undefined)
      throw new AwsError(
        'InvalidParameterValue',
        400,
        `Value (${input.Attribute}) for parameter attribute is invalid.`,
      )
    members[member] = { Value: input.Value }
  }
  const given = [
    'InstanceType',
    'UserData',
    'DisableApiTermination',
    'DisableApiStop',
    'SourceDestCheck',
    'EbsOptimized',
    'InstanceInitiatedShutdownBehavior',
    'Groups',
    'BlockDeviceMappings',
  ].filter((m) => members[m] !== undefined)
  if (given.length === 0)
    throw new AwsError('MissingParameter', 400, 'The request must contain the parameter attribute')
  if (given.length > 1)
    throw invalidParameterCombination(`Fields for multiple attribute types specified: ${given.join(', ')}`)
  const change: AttributeChange = {}
  const member = given[0]!
  const value = memberValue(members[member])
  switch (member) {
    case 'InstanceType': {
      const type = INSTANCE_TYPES.get(String(value))
      if (type === undefined || type.architecture !== record.attributes.architecture)
        throw new AwsError(
          'InvalidInstanceAttributeValue',
          400,
          `Value (${String(value)}) for parameter instanceType is invalid.`,
        )
      change.instanceType = type.name
      break
    }
    case 'UserData':
      change.userData = base64(value)
      break
    case 'DisableApiTermination':
      change.disableApiTermination = bool(value)
      break
    case 'DisableApiStop':
      change.disableApiStop = bool(value)
      break
    case 'SourceDestCheck':
      change.sourceDestCheck = bool(value)
      break
    case 'EbsOptimized':
      change.ebsOptimized = bool(value)
      break
    case 'InstanceInitiatedShutdownBehavior':
      if (value !== 'stop' && value !== 'terminate')
        throw new AwsError(
          'InvalidParameterValue',
          400,
          `Value (${String(value)}) for parameter instanceInitiatedShutdownBehavior is invalid.`,
        )
      change.shutdownBehavior = value
      break
    case 'Groups': {
      const groups = []
      for (const id of members.Groups as string[]) {
        const group = await requireResource(ctx, 'security-group', id)
        if (group.attributes.VpcId !== record.attributes.vpcId)
          throw new AwsError(
            'InvalidGroup.NotFound',
            400,
            `The security group '${id}' does not exist in VPC '${record.attributes.vpcId}'`,
          )
        groups.push({ groupId: group.id, groupName: String(group.attributes.GroupName ?? '') })
      }
      change.securityGroups = groups
      break
    }
    case 'BlockDeviceMappings': {
      const wanted = members.BlockDeviceMappings as {
        DeviceName?: string
        Ebs?: { DeleteOnTermination?: boolean }
      }[]
      change.blockDevices = record.attributes.blockDevices.map((device) => {
        const hit = wanted.find((w) => w.DeviceName === device.deviceName)
        return hit?.Ebs?.DeleteOnTermination === undefined
          ? device
          : Object.assign({}, device, { deleteOnTermination: hit.Ebs.DeleteOnTermination })
      })
      break
    }
  }
  if (Object.keys(change).some((key) => STOPPED_ONLY.has(key as keyof InstanceAttributes)))
    requireStopped(record, ctx.now)
  return change
}
