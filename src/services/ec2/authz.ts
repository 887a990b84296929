import type { ContextValue } from '../../policy/index.js'
import type { CloudResourceRecord, Tag } from '../../store/index.js'
import type { AuthorizationRequest, OperationContext } from '../operation.js'
import { ec2Arn } from './arns.js'
import { resourceContext } from './resource-context.js'
import { requestTagContext, resourceTagContext } from './tags.js'

type Context = Readonly<Record<string, ContextValue>>

/** The account of the signed-in caller (EC2 takes no unsigned calls). */
export function accountOf(ctx: OperationContext): string {
  return ctx.caller?.principal.account ?? ''
}

/** `ec2:Region`, which every EC2 action carries. */
export function regionContext(ctx: OperationContext): Context {
  return { 'ec2:Region': ctx.region }
}

/** An authorization on `*` (the Describe calls and the others AWS scopes to no resource). */
export function onAnyResource(
  ctx: OperationContext,
  action: string,
  context: Context = {},
): AuthorizationRequest {
  return { action, resource: '*', context: Object.assign(regionContext(ctx), context) }
}

/**
 * An authorization on the resource a create call is making. AWS: the id is not known yet, so the ARN ends in
 * `/*` (`arn:aws:ec2:us-east-1:111122223333:vpc/*`), and the request tags are in the context.
 */
export function onNewResource(
  ctx: OperationContext,
  action: string,
  type: string,
  tags: readonly Tag[],
  context: Context = {},
): AuthorizationRequest {
  return {
    action,
    resource: ec2Arn(ctx.region, accountOf(ctx), type, '*'),
    context: Object.assign(regionContext(ctx), requestTagContext(tags), context),
  }
}

/**
 * An authorization on an existing resource: its ARN from the id, its id key (`ec2:VpcID`, …), and when it
 * exists its tags as `ec2:ResourceTag/…` and `aws:ResourceTag/…`, `ec2:Vpc` and the keys read from its
 * attributes (a missing one answers NotFound after authorization, as AWS does).
 */
export function onResource(
  ctx: OperationContext,
  action: string,
  type: string,
  arnId: string,
  record: Pick<CloudResourceRecord<unknown>, 'arn' | 'tags' | 'attributes'> | undefined,
  context: Context = {},
): AuthorizationRequest {
  const resource = record?.arn ?? ec2Arn(ctx.region, accountOf(ctx), type, arnId)
  const attributes = record?.attributes as Readonly<Record<string, unknown>> | undefined
  return {
    action,
    resource,
    context: Object.assign(
      regionContext(ctx),
      resourceContext(type, arnId, resource, attributes),
      resourceTagContext(record?.tags ?? []),
      context,
    ),
  }
}

/**
 * The ec2:CreateTags authorization a create call with TagSpecifications needs: on the new resource, with the
 * request tags and `ec2:CreateAction` naming the create call.
 */
export function tagOnCreate(
  ctx: OperationContext,
  createAction: string,
  type: string,
  tags: readonly Tag[],
): AuthorizationRequest[] {
  if (tags.length === 0) return []
  return [onNewResource(ctx, 'ec2:CreateTags', type, tags, { 'ec2:CreateAction': createAction })]
}
