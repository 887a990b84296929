import type { ContextValue } from '../../policy/index.js'
import type { CloudResourceRecord, Tag } from '../../store/index.js'
import type { AuthorizationRequest, OperationContext } from '../operation.js'

type Context = Record<string, ContextValue>

/** `aws:ResourceTag/<k>` and `elasticloadbalancing:ResourceTag/<k>` for every tag of an existing resource. */
export function resourceTagContext(tags: readonly Tag[]): Context {
  const context: Context = {}
  for (const tag of tags) {
    context[`aws:ResourceTag/${tag.key}`] = tag.value
    context[`elasticloadbalancing:ResourceTag/${tag.key}`] = tag.value
  }
  return context
}

/** `aws:RequestTag/<k>` for every tag and `aws:TagKeys`, for calls that set tags; empty when there are none. */
export function requestTagContext(tags: readonly Tag[]): Context {
  if (tags.length === 0) return {}
  const context: Context = { 'aws:TagKeys': tags.map((tag) => tag.key) }
  for (const tag of tags) context[`aws:RequestTag/${tag.key}`] = tag.value
  return context
}

/**
 * AWS: Elastic Load Balancing's AccessDenied text names the action and, for a resource-level action, the
 * resource; it ends with the reason for an implicit deny.
 */
export function deniedMessage(who: string, action: string, resource: string): string {
  const on = resource === '*' ? '' : ` on resource: ${resource}`
  return `User: ${who} is not authorized to perform: ${action}${on} because no identity-based policy allows the ${action} action`
}

/** One `elasticloadbalancing:<action>` authorization on `resource`, with `context` and ELB's denial text. */
export function elbAuthorization(
  ctx: OperationContext,
  action: string,
  resource: string,
  context: Context = {},
): AuthorizationRequest {
  const full = `elasticloadbalancing:${action}`
  const who = ctx.caller?.principal.arn ?? 'anonymous'
  return { action: full, resource, context, deniedMessage: deniedMessage(who, full, resource) }
}

/** An authorization on an existing resource, with its tags as resource-tag context keys. */
export function onResource(
  ctx: OperationContext,
  action: string,
  record: Pick<CloudResourceRecord<unknown>, 'arn' | 'tags'>,
  context: Context = {},
): AuthorizationRequest {
  return elbAuthorization(ctx, action, record.arn, { ...resourceTagContext(record.tags), ...context })
}

/**
 * AWS: tagging on create also needs `elasticloadbalancing:AddTags` on the new resource, with
 * `elasticloadbalancing:CreateAction` naming the creating call.
 */
export function tagOnCreate(
  ctx: OperationContext,
  createAction: string,
  arn: string,
  tags: readonly Tag[],
): AuthorizationRequest[] {
  if (tags.length === 0) return []
  return [
    elbAuthorization(ctx, 'AddTags', arn, {
      ...requestTagContext(tags),
      'elasticloadbalancing:CreateAction': createAction,
    }),
  ]
}
