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

/** The load balancer ARN a listener ARN belongs to. */
export const loadBalancerOfListener = (arn: string): string =>
  arn.replace(':listener/', ':loadbalancer/').replace(/\/[0-9a-f]+$/, '')

/** The resource kind of an Elastic Load Balancing v2 ARN, or undefined when it is none of ours. */
export function arnKind(arn: string): 'loadbalancer' | 'targetgroup' | 'listener' | undefined {
  const match =
    /^arn:aws[\w-]*:elasticloadbalancing:[\w-]+:\d{12}:(loadbalancer|targetgroup|listener)\//.exec(arn)
  return match?.[1] as 'loadbalancer' | 'targetgroup' | 'listener' | undefined
}
