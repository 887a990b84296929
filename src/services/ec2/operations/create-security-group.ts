import { AwsError } from '../../../kernel/aws-error.js'
import type { Operation } from '../../operation.js'
import { accountOf, onNewResource, onResource, tagOnCreate } from '../authz.js'
import { invalidParameterValue } from '../errors.js'
import { newResourceId } from '../resource-ids.js'
import { findResource, insertResource, listResources, requireResource } from '../resource-store.js'
import { defaultEgressRule, type SecurityGroupAttributes } from '../security-groups.js'
import { tagsOnCreate, toWireTags } from '../tags.js'

/** EC2 CreateSecurityGroup: a group of a VPC with the allow-all egress rule; names are unique per VPC. */
export const createSecurityGroup: Operation = {
  async authorize(ctx, input) {
    const tags = tagsOnCreate(input, ['security-group'])
    const vpcId = String(input.VpcId ?? '')
    const vpc = onResource(
      ctx,
      'ec2:CreateSecurityGroup',
      'vpc',
      vpcId,
      await findResource(ctx, 'vpc', vpcId),
    )
    return [
      onNewResource(ctx, 'ec2:CreateSecurityGroup', 'security-group', tags, { 'ec2:Vpc': vpc.resource }),
      ...(input.VpcId === undefined ? [] : [vpc]),
      ...tagOnCreate(ctx, 'CreateSecurityGroup', 'security-group', tags),
    ]
  },
  async run(ctx, input) {
    const tags = tagsOnCreate(input, ['security-group'])
    const name = String(input.GroupName)
    // AWS: without a VpcId the group goes to the default VPC, which Lanyard accounts do not have.
    if (input.VpcId === undefined)
      throw new AwsError('VPCIdNotSpecified', 400, 'No default VPC for this user')
    if (name.startsWith('sg-')) throw invalidParameterValue('Group names may not be in the format sg-*.')
    if (name.length > 255 || String(input.Description).length > 255)
      throw invalidParameterValue('Group name and description are limited to 255 characters.')
    const vpc = await requireResource(ctx, 'vpc', input.VpcId)
    const siblings = await listResources(ctx, 'security-group', { parentId: vpc.id })
    if (siblings.some((g) => g.attributes.GroupName === name))
      throw new AwsError(
        'InvalidGroup.Duplicate',
        400,
        `The security group '${name}' already exists for VPC '${vpc.id}'`,
      )
    const id = newResourceId('sg', ctx.random)
    const attributes: SecurityGroupAttributes = {
      GroupId: id,
      GroupName: name,
      Description: String(input.Description),
      VpcId: vpc.id,
      OwnerId: accountOf(ctx),
      Rules: [defaultEgressRule(ctx)],
    }
    const record = await insertResource(ctx, 'security-group', { id, parentId: vpc.id, tags, attributes })
    return { GroupId: id, Tags: toWireTags(record.tags) }
  },
}
