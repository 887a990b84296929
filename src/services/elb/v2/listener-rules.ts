import { AwsError } from '../../../kernel/aws-error.js'
import type { OperationContext } from '../../operation.js'
import { loadBalancerOfListener } from '../arns.js'
import { targetGroupNotFound, validationError } from '../errors.js'
import { forwardedTargetGroups } from './detach.js'
import { findTargetGroup, type LoadBalancerRecord } from './loaders.js'

type Action = Readonly<Record<string, unknown>>

/** AWS: the listener protocols each load balancer type takes. */
const PROTOCOLS: Readonly<Record<'application' | 'network', readonly string[]>> = {
  application: ['HTTP', 'HTTPS'],
  network: ['TCP', 'TLS', 'UDP', 'TCP_UDP'],
}

/** AWS: the target group protocols a network listener of each protocol forwards to. */
const NETWORK_TARGETS: Readonly<Record<string, readonly string[]>> = {
  TCP: ['TCP', 'TCP_UDP'],
  TLS: ['TCP', 'TLS'],
  UDP: ['UDP', 'TCP_UDP'],
  TCP_UDP: ['TCP_UDP'],
}

/** Checks a listener's protocol, port and certificate against its load balancer. */
export function checkListener(
  lb: LoadBalancerRecord,
  protocol: string | undefined,
  certificates: unknown,
): string {
  const allowed = PROTOCOLS[lb.attributes.type]
  if (protocol === undefined) throw validationError('A listener protocol must be specified')
  if (!allowed.includes(protocol))
    throw new AwsError(
      'UnsupportedProtocol',
      400,
      `Protocol '${protocol}' is not supported by load balancer type '${lb.attributes.type}'`,
    )
  if (
    (protocol === 'HTTPS' || protocol === 'TLS') &&
    !(Array.isArray(certificates) && certificates.length > 0)
  )
    throw new AwsError(
      'CertificateNotFound',
      400,
      `A certificate must be specified for ${protocol} listeners`,
    )
  return protocol
}

/**
 * Checks the default actions (their target groups exist, take the listener's protocol and belong to no other
 * load balancer) and returns them as AWS shows them: a forward to one group carries both forms.
 */
export async function checkActions(
  ctx: OperationContext,
  lb: LoadBalancerRecord,
  protocol: string,
  actions: readonly Action[],
): Promise<Action[]> {
  if (actions.length === 0) throw validationError('A default action must be specified')
  for (const action of actions) {
    const type = String(action.Type)
    // AWS: a forward names its target group, directly or in ForwardConfig.
    const config = action.ForwardConfig as { TargetGroups?: unknown[] } | undefined
    if (
      type === 'forward' &&
      typeof action.TargetGroupArn !== 'string' &&
      (config?.TargetGroups ?? []).length === 0
    )
      throw validationError('A target group ARN must be specified')
    if (lb.attributes.type === 'network' && type !== 'forward')
      throw new AwsError(
        'InvalidLoadBalancerAction',
        400,
        `Action type '${type}' is not supported by network load balancers`,
      )
  }
  const arns = forwardedTargetGroups(actions)
  const missing: string[] = []
  for (const arn of arns) {
    const tg = await findTargetGroup(ctx, arn)
    if (tg === undefined) {
      missing.push(arn)
      continue
    }
    const tgProtocol = tg.attributes.protocol
    const fits =
      lb.attributes.type === 'application'
        ? tgProtocol === undefined || tgProtocol === 'HTTP' || tgProtocol === 'HTTPS'
        : tgProtocol !== undefined && (NETWORK_TARGETS[protocol] ?? []).includes(tgProtocol)
    if (!fits)
      throw new AwsError(
        'IncompatibleProtocols',
        400,
        `The listener protocol '${protocol}' is not compatible with the protocol '${tgProtocol}' of target group '${arn}'`,
      )
    const others = tg.attributes.listenerArns.map(loadBalancerOfListener).filter((l) => l !== lb.arn)
    if (others.length > 0)
      throw new AwsError(
        'TargetGroupAssociationLimit',
        400,
        `The following target groups cannot be associated with more than one load balancer: ${arn}`,
      )
  }
  if (missing.length > 0) throw targetGroupNotFound(missing)
  return actions.map(normalized)
}

function normalized(action: Action): Action {
  if (action.Type !== 'forward') return action
  const config = action.ForwardConfig as
    | { TargetGroups?: { TargetGroupArn?: string; Weight?: number }[] }
    | undefined
  const groups = config?.TargetGroups ?? [{ TargetGroupArn: action.TargetGroupArn as string }]
  const out: Record<string, unknown> = { ...action }
  if (groups.length === 1) out.TargetGroupArn = groups[0]!.TargetGroupArn
  out.ForwardConfig = {
    TargetGroupStickinessConfig: { Enabled: false },
    ...config,
    TargetGroups: groups.map((g) => ({ TargetGroupArn: g.TargetGroupArn, Weight: g.Weight ?? 1 })),
  }
  return out
}
