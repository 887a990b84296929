import type { ContextValue } from '../../policy/index.js'
import type { CloudResourceRecord, Tag } from '../../store/index.js'
import type { AuthorizationRequest } from '../operation.js'
import { arnType } from './arn-type.js'

/** The tagging actions of each service whose resources Lanyard stores: [tag, untag]. */
const ACTIONS: Readonly<Record<string, readonly [string, string]>> = {
  ec2: ['ec2:CreateTags', 'ec2:DeleteTags'],
  elasticloadbalancing: ['elasticloadbalancing:AddTags', 'elasticloadbalancing:RemoveTags'],
  // AWS: S3 bucket tags are replaced as a whole, so removing tags is a PutBucketTagging too.
  s3: ['s3:PutBucketTagging', 's3:PutBucketTagging'],
  route53: ['route53:ChangeTagsForResource', 'route53:ChangeTagsForResource'],
  secretsmanager: ['secretsmanager:TagResource', 'secretsmanager:UntagResource'],
}

/** The owning service's tag (or untag) action for an ARN; undefined for a service Lanyard cannot tag. */
export function owningAction(arn: string, kind: 'tag' | 'untag'): string | undefined {
  const pair = ACTIONS[arnType(arn).service]
  return pair === undefined ? undefined : pair[kind === 'tag' ? 0 : 1]
}

/** `aws:ResourceTag/<key>` and `<service>:ResourceTag/<key>` of a stored resource. */
function resourceTags(resource: CloudResourceRecord): Record<string, ContextValue> {
  const service = arnType(resource.arn).service
  const context: Record<string, ContextValue> = {}
  for (const tag of resource.tags) {
    context[`aws:ResourceTag/${tag.key}`] = tag.value
    context[`${service}:ResourceTag/${tag.key}`] = tag.value
  }
  return context
}

/** The owning service's authorization for tagging (or untagging) one stored resource. */
export function owningAuthorization(
  resource: CloudResourceRecord,
  kind: 'tag' | 'untag',
  request: { tags?: readonly Tag[]; keys?: readonly string[] },
): AuthorizationRequest | undefined {
  const action = owningAction(resource.arn, kind)
  if (action === undefined) return undefined
  const context: Record<string, ContextValue> = { ...resourceTags(resource) }
  if (request.tags !== undefined) {
    context['aws:TagKeys'] = request.tags.map((t) => t.key)
    for (const tag of request.tags) context[`aws:RequestTag/${tag.key}`] = tag.value
  }
  if (request.keys !== undefined) context['aws:TagKeys'] = [...request.keys]
  return { action, resource: resource.arn, resourceAccount: resource.accountId, context }
}
