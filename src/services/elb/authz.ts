import { AwsError } from '../../kernel/aws-error.js'
import type { ContextValue } from '../../policy/index.js'
import type { CloudResourceRecord, Tag } from '../../store/index.js'
import type { AuthorizationRequest, Denial } from '../operation.js'

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

/** Adds `elasticloadbalancing:ListenerProtocol` and `:SecurityPolicy` for the protocol and SSL policy a call gives. */
export function withListenerContext(input: Record<string, unknown>, context: Context = {}): Context {
  if (typeof input.Protocol === 'string') context['elasticloadbalancing:ListenerProtocol'] = input.Protocol
  if (typeof input.SslPolicy === 'string') context['elasticloadbalancing:SecurityPolicy'] = input.SslPolicy
  return context
}

/**
 * AWS: Elastic Load Balancing's AccessDenied text names the action and, for a resource-level action, the
 * resource, then why: an explicit deny, or no identity-based policy allowing it.
 */
export function deniedMessage(who: string, action: string, resource: string, explicit: boolean): string {
  const on = resource === '*' ? '' : ` on resource: ${resource}`
  const why = explicit
    ? 'with an explicit deny in an identity-based policy'
    : `because no identity-based policy allows the ${action} action`
  return `User: ${who} is not authorized to perform: ${action}${on} ${why}`
}

/** Both ELB services' rendering of a refused authorization: AccessDenied (403) with ELB's text. */
export async function elbDenied(denial: Denial): Promise<AwsError> {
  const who = denial.caller?.principal.arn ?? 'anonymous'
  const { action, resource } = denial.request
  return new AwsError('AccessDenied', 403, deniedMessage(who, action, resource, denial.explicit))
}

/** One `elasticloadbalancing:<action>` authorization on `resource`, with `context`. */
export function elbAuthorization(
  action: string,
  resource: string,
  context: Context = {},
): AuthorizationRequest {
  return { action: `elasticloadbalancing:${action}`, resource, context }
}

/** An authorization on an existing resource, with its tags as resource-tag context keys. */
export function onResource(
  action: string,
  record: Pick<CloudResourceRecord<unknown>, 'arn' | 'tags'>,
  context: Context = {},
): AuthorizationRequest {
  // The call's keys go on the fresh resource-tag context; every key is prefixed (`aws:…`, `elasticloadbalancing:…`).
  return elbAuthorization(action, record.arn, Object.assign(resourceTagContext(record.tags), context))
}

/**
 * AWS: tagging on create also needs `elasticloadbalancing:AddTags` on the new resource, with
 * `elasticloadbalancing:CreateAction` naming the creating call.
 */
export function tagOnCreate(createAction: string, arn: string, tags: readonly Tag[]): AuthorizationRequest[] {
  if (tags.length === 0) return []
  return [
    elbAuthorization('AddTags', arn, {
      'elasticloadbalancing:CreateAction': createAction,
      ...requestTagContext(tags),
    }),
  ]
}
