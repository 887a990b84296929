import type { CloudResourceRecord } from '../../../store/index.js'
import type { OperationContext } from '../../operation.js'
import { accountOf, arnKind, ELB_SERVICE_NAME, RESOURCE_TYPE } from '../arns.js'
import {
  listenerNotFound,
  loadBalancerNotFound,
  ruleNotFound,
  targetGroupNotFound,
  validationError,
} from '../errors.js'
import type {
  ListenerAttributes,
  LoadBalancerAttributes,
  RuleAttributes,
  TargetGroupAttributes,
} from './records.js'

/** A stored v2 load balancer. */
export type LoadBalancerRecord = CloudResourceRecord<LoadBalancerAttributes>
/** A stored target group. */
export type TargetGroupRecord = CloudResourceRecord<TargetGroupAttributes>
/** A stored listener. */
export type ListenerRecord = CloudResourceRecord<ListenerAttributes>
/** A stored listener rule. */
export type RuleRecord = CloudResourceRecord<RuleAttributes>

const NOUN = {
  loadbalancer: 'load balancer',
  targetgroup: 'target group',
  listener: 'listener',
  'listener-rule': 'rule',
} as const

/** ValidationError unless `arn` is an ARN of the `kind` of resource. */
export function checkArn(arn: string, kind: keyof typeof NOUN): void {
  if (arnKind(arn) !== kind) throw validationError(`'${arn}' is not a valid ${NOUN[kind]} ARN`)
}

async function load<A>(
  ctx: OperationContext,
  arn: string,
  type: string,
): Promise<CloudResourceRecord<A> | undefined> {
  const record = await ctx.store.cloudResources.get<A>(arn)
  if (record === undefined) return undefined
  const ours =
    record.service === ELB_SERVICE_NAME &&
    record.type === type &&
    record.accountId === accountOf(ctx) &&
    record.region === ctx.region
  return ours ? record : undefined
}

/** The v2 load balancer of `arn`, or undefined. */
export function findLoadBalancer(
  ctx: OperationContext,
  arn: string,
): Promise<LoadBalancerRecord | undefined> {
  checkArn(arn, 'loadbalancer')
  return load<LoadBalancerAttributes>(ctx, arn, RESOURCE_TYPE.loadBalancer)
}

/** The v2 load balancer of `arn`; LoadBalancerNotFound when there is none. */
export async function loadLoadBalancer(ctx: OperationContext, arn: string): Promise<LoadBalancerRecord> {
  const record = await findLoadBalancer(ctx, arn)
  if (record === undefined) throw loadBalancerNotFound(`Load balancer '${arn}' not found`)
  return record
}

/** The target group of `arn`, or undefined. */
export function findTargetGroup(ctx: OperationContext, arn: string): Promise<TargetGroupRecord | undefined> {
  checkArn(arn, 'targetgroup')
  return load<TargetGroupAttributes>(ctx, arn, RESOURCE_TYPE.targetGroup)
}

/** The target group of `arn`; TargetGroupNotFound when there is none. */
export async function loadTargetGroup(ctx: OperationContext, arn: string): Promise<TargetGroupRecord> {
  const record = await findTargetGroup(ctx, arn)
  if (record === undefined) throw targetGroupNotFound([arn])
  return record
}

/** The listener of `arn`, or undefined. */
export function findListener(ctx: OperationContext, arn: string): Promise<ListenerRecord | undefined> {
  checkArn(arn, 'listener')
  return load<ListenerAttributes>(ctx, arn, RESOURCE_TYPE.listener)
}

/** The listener of `arn`; ListenerNotFound when there is none. */
export async function loadListener(ctx: OperationContext, arn: string): Promise<ListenerRecord> {
  const record = await findListener(ctx, arn)
  if (record === undefined) throw listenerNotFound(arn)
  return record
}

/** Every listener of a load balancer, by port. */
export async function listenersOf(ctx: OperationContext, lbArn: string): Promise<ListenerRecord[]> {
  const page = await ctx.store.cloudResources.list<ListenerAttributes>({
    accountId: accountOf(ctx),
    region: ctx.region,
    service: ELB_SERVICE_NAME,
    type: RESOURCE_TYPE.listener,
    parentId: lbArn,
    limit: 1000,
  })
  return [...page.items].sort((a, b) => a.attributes.port - b.attributes.port)
}

/** The stored (non-default) rule of `arn`, or undefined. */
export function findRule(ctx: OperationContext, arn: string): Promise<RuleRecord | undefined> {
  checkArn(arn, 'listener-rule')
  return load<RuleAttributes>(ctx, arn, RESOURCE_TYPE.rule)
}

/** The stored rule of `arn`; RuleNotFound when there is none. */
export async function loadRule(ctx: OperationContext, arn: string): Promise<RuleRecord> {
  const record = await findRule(ctx, arn)
  if (record === undefined) throw ruleNotFound()
  return record
}

/** The stored rules of a listener, by priority. */
export async function rulesOf(ctx: OperationContext, listenerArn: string): Promise<RuleRecord[]> {
  const page = await ctx.store.cloudResources.list<RuleAttributes>({
    accountId: accountOf(ctx),
    region: ctx.region,
    service: ELB_SERVICE_NAME,
    type: RESOURCE_TYPE.rule,
    parentId: listenerArn,
    limit: 1000,
  })
  return [...page.items].sort((a, b) => a.attributes.priority - b.attributes.priority)
}
