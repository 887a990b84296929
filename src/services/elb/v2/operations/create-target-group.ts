import type { Operation, OperationContext } from '../../../operation.js'
import { accountOf, ELB_SERVICE_NAME, newHexId, RESOURCE_TYPE, targetGroupArn } from '../../arns.js'
import { elbAuthorization, requestTagContext, tagOnCreate } from '../../authz.js'
import { findEc2 } from '../../ec2-refs.js'
import { duplicateTargetGroupName, validationError } from '../../errors.js'
import { insertOrExisting } from '../../insert-or-existing.js'
import { checkTagCount, inputTags } from '../../tags.js'
import { newHealthCheck } from '../health-check.js'
import { toTargetGroupShape } from '../mappers.js'
import type { TargetGroupAttributes } from '../records.js'
import { isHttpProtocol, targetGroupDefaults } from '../settings.js'

const arnOf = (ctx: OperationContext, input: Record<string, unknown>): string => {
  const name = String(input.Name)
  return targetGroupArn(ctx, name, newHexId(ctx, name))
}

/** AWS: 1–32 letters, digits and hyphens, neither starting nor ending with a hyphen. */
function checkName(name: string): void {
  if (!/^[a-zA-Z0-9-]{1,32}$/.test(name))
    throw validationError(
      `Target group name '${name}' can have a maximum of 32 characters, and can contain only alphanumeric characters and hyphens`,
    )
  if (name.startsWith('-') || name.endsWith('-'))
    throw validationError(`Target group name '${name}' cannot begin or end with a hyphen`)
}

/** Protocol, port and VPC of an instance, ip or alb target group (required there, refused for lambda). */
async function endpoint(ctx: OperationContext, input: Record<string, unknown>, targetType: string) {
  if (targetType === 'lambda') {
    if (input.Protocol !== undefined || input.Port !== undefined || input.VpcId !== undefined)
      throw validationError(
        'A protocol, port or VPC ID cannot be specified for target groups with the lambda target type',
      )
    return {}
  }
  if (input.Protocol === undefined) throw validationError('A protocol must be specified')
  if (input.Port === undefined) throw validationError('A port must be specified')
  if (input.VpcId === undefined) throw validationError('A VPC ID must be specified')
  const vpcId = String(input.VpcId)
  if ((await findEc2(ctx, 'vpc', vpcId)) === undefined)
    throw validationError(`The VPC ID '${vpcId}' is not found`)
  return { protocol: String(input.Protocol), port: Number(input.Port), vpcId }
}

const sameSettings = (a: TargetGroupAttributes, b: TargetGroupAttributes): boolean =>
  a.targetType === b.targetType &&
  a.protocol === b.protocol &&
  a.port === b.port &&
  a.vpcId === b.vpcId &&
  JSON.stringify(a.healthCheck) === JSON.stringify(b.healthCheck)

/** ELBv2 CreateTargetGroup: a target group of instances, IPs, a lambda or an ALB; the same call again answers the same group. */
export const createTargetGroup: Operation = {
  async authorize(ctx, input) {
    const arn = arnOf(ctx, input)
    const tags = inputTags(input)
    return [
      elbAuthorization('CreateTargetGroup', arn, requestTagContext(tags)),
      ...tagOnCreate('CreateTargetGroup', arn, tags),
    ]
  },
  async run(ctx, input) {
    const name = String(input.Name)
    checkName(name)
    const tags = inputTags(input)
    checkTagCount(tags)
    const targetType = String(input.TargetType ?? 'instance')
    const { protocol, port, vpcId } = await endpoint(ctx, input, targetType)
    const attributes: TargetGroupAttributes = {
      name,
      targetType,
      ...(protocol === undefined ? {} : { protocol, port: port!, vpcId: vpcId! }),
      ...(isHttpProtocol(protocol) ? { protocolVersion: String(input.ProtocolVersion ?? 'HTTP1') } : {}),
      ...(targetType === 'lambda' ? {} : { ipAddressType: String(input.IpAddressType ?? 'ipv4') }),
      healthCheck: newHealthCheck(input, protocol),
      settings: targetGroupDefaults(protocol, targetType),
      targets: [],
      listenerArns: [],
    }
    const record = await insertOrExisting(ctx, {
      key: {
        accountId: accountOf(ctx),
        region: ctx.region,
        service: ELB_SERVICE_NAME,
        type: RESOURCE_TYPE.targetGroup,
        id: name,
      },
      arn: arnOf(ctx, input),
      attributes,
      tags,
      sameSettings,
      duplicateName: () => duplicateTargetGroupName(name),
    })
    return { TargetGroups: [toTargetGroupShape(record)] }
  },
}
