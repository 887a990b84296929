import { createHash } from 'node:crypto'
import type { OperationContext } from '../operation.js'

/** The ARN service and the `cloudResources` service of every Elastic Load Balancing resource. */
export const ELB_SERVICE_NAME = 'elasticloadbalancing'

/** `cloudResources` types: classic load balancers, v2 load balancers, target groups and listeners. */
export const RESOURCE_TYPE = {
  classic: 'loadbalancer',
  loadBalancer: 'loadbalancer-v2',
  targetGroup: 'targetgroup',
  listener: 'listener',
  rule: 'listener-rule',
} as const

/** The caller's account. */
export const accountOf = (ctx: OperationContext): string => ctx.caller!.principal.account

const prefix = (ctx: OperationContext): string =>
  `arn:aws:${ELB_SERVICE_NAME}:${ctx.region}:${accountOf(ctx)}`

/**
 * AWS: v2 resource ids are 16 lower-case hex digits. Lanyard derives the id of a new resource from the request
 * id and its name, so authorization (tag-on-create) and the call itself see the same ARN.
 */
export const newHexId = (ctx: OperationContext, name: string): string =>
  createHash('sha256').update(`${ctx.requestId}\n${name}`).digest('hex').slice(0, 16)

/** `arn:aws:elasticloadbalancing:<region>:<account>:loadbalancer/<name>` (classic). */
export const classicArn = (ctx: OperationContext, name: string): string =>
  `${prefix(ctx)}:loadbalancer/${name}`

/** `…:loadbalancer/app|net/<name>/<id>`. */
export const loadBalancerArn = (
  ctx: OperationContext,
  kind: 'app' | 'net',
  name: string,
  id: string,
): string => `${prefix(ctx)}:loadbalancer/${kind}/${name}/${id}`

/** `…:targetgroup/<name>/<id>`. */
export const targetGroupArn = (ctx: OperationContext, name: string, id: string): string =>
  `${prefix(ctx)}:targetgroup/${name}/${id}`

/** `…:listener/app|net/<lb-name>/<lb-id>/<id>` from the load balancer ARN. */
export const listenerArn = (lbArn: string, id: string): string =>
  `${lbArn.replace(':loadbalancer/', ':listener/')}/${id}`

/** The load balancer ARN a listener (or listener rule) ARN belongs to. */
export const loadBalancerOfListener = (arn: string): string =>
  arn.includes(':listener-rule/')
    ? arn.replace(':listener-rule/', ':loadbalancer/').replace(/\/[0-9a-f]+\/[0-9a-f]+$/, '')
    : arn.replace(':listener/', ':loadbalancer/').replace(/\/[0-9a-f]+$/, '')

/** `…:listener-rule/app/<lb-name>/<lb-id>/<listener-id>/<id>` from the listener ARN. */
export const ruleArn = (listener: string, id: string): string =>
  `${listener.replace(':listener/', ':listener-rule/')}/${id}`

/** The listener ARN a rule ARN belongs to. */
export const listenerOfRule = (arn: string): string =>
  arn.replace(':listener-rule/', ':listener/').replace(/\/[0-9a-f]+$/, '')

/** AWS: every listener has a default rule; Lanyard derives its id from the listener ARN. */
export const defaultRuleArn = (listener: string): string =>
  ruleArn(listener, createHash('sha256').update(`default\n${listener}`).digest('hex').slice(0, 16))

/** The kinds of Elastic Load Balancing v2 resources. */
export type ArnKind = 'loadbalancer' | 'targetgroup' | 'listener' | 'listener-rule'

/** The resource kind of an Elastic Load Balancing v2 ARN, or undefined when it is none of ours. */
export function arnKind(arn: string): ArnKind | undefined {
  const match =
    /^arn:aws[\w-]*:elasticloadbalancing:[\w-]+:\d{12}:(loadbalancer|targetgroup|listener|listener-rule)\//.exec(
      arn,
    )
  return match?.[1] as ArnKind | undefined
}
