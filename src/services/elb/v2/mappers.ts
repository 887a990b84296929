import type { OperationContext } from '../../operation.js'
import { defaultRuleArn, loadBalancerOfListener } from '../arns.js'
import type { ListenerRecord, LoadBalancerRecord, RuleRecord, TargetGroupRecord } from './loaders.js'

/** A v2 load balancer as DescribeLoadBalancers shows it; `provisioning` until its `activeAt`. */
export function toLoadBalancerShape(ctx: OperationContext, lb: LoadBalancerRecord): Record<string, unknown> {
  const a = lb.attributes
  return {
    LoadBalancerArn: lb.arn,
    DNSName: a.dnsName,
    CanonicalHostedZoneId: a.canonicalHostedZoneId,
    CreatedTime: lb.createdAt,
    LoadBalancerName: a.name,
    Scheme: a.scheme,
    VpcId: a.vpcId,
    State: { Code: ctx.now.getTime() >= a.activeAt ? 'active' : 'provisioning' },
    Type: a.type,
    AvailabilityZones: a.zones.map((zone) => ({
      ZoneName: zone.zoneName,
      SubnetId: zone.subnetId,
      LoadBalancerAddresses: [],
    })),
    ...(a.type === 'application' || a.securityGroups.length > 0
      ? { SecurityGroups: [...a.securityGroups] }
      : {}),
    IpAddressType: a.ipAddressType,
  }
}

/** A target group as DescribeTargetGroups shows it. */
export function toTargetGroupShape(tg: TargetGroupRecord): Record<string, unknown> {
  const a = tg.attributes
  const hc = a.healthCheck
  return {
    TargetGroupArn: tg.arn,
    TargetGroupName: a.name,
    ...(a.protocol === undefined ? {} : { Protocol: a.protocol }),
    ...(a.port === undefined ? {} : { Port: a.port }),
    ...(a.vpcId === undefined ? {} : { VpcId: a.vpcId }),
    ...(hc.protocol === undefined ? {} : { HealthCheckProtocol: hc.protocol }),
    ...(hc.port === undefined ? {} : { HealthCheckPort: hc.port }),
    HealthCheckEnabled: hc.enabled,
    HealthCheckIntervalSeconds: hc.intervalSeconds,
    HealthCheckTimeoutSeconds: hc.timeoutSeconds,
    HealthyThresholdCount: hc.healthyThreshold,
    UnhealthyThresholdCount: hc.unhealthyThreshold,
    ...(hc.path === undefined ? {} : { HealthCheckPath: hc.path }),
    ...(hc.matcher === undefined ? {} : { Matcher: hc.matcher }),
    LoadBalancerArns: [...new Set(a.listenerArns.map(loadBalancerOfListener))],
    TargetType: a.targetType,
    ...(a.protocolVersion === undefined ? {} : { ProtocolVersion: a.protocolVersion }),
    ...(a.ipAddressType === undefined ? {} : { IpAddressType: a.ipAddressType }),
  }
}

/** A listener as DescribeListeners shows it. */
export function toListenerShape(listener: ListenerRecord): Record<string, unknown> {
  const a = listener.attributes
  return {
    ListenerArn: listener.arn,
    LoadBalancerArn: a.loadBalancerArn,
    Port: a.port,
    Protocol: a.protocol,
    ...(a.certificates === undefined ? {} : { Certificates: a.certificates }),
    ...(a.sslPolicy === undefined ? {} : { SslPolicy: a.sslPolicy }),
    DefaultActions: a.defaultActions,
    ...(a.alpnPolicy === undefined ? {} : { AlpnPolicy: a.alpnPolicy }),
  }
}

/** A stored rule as DescribeRules shows it. */
export function toRuleShape(rule: RuleRecord): Record<string, unknown> {
  return {
    RuleArn: rule.arn,
    Priority: String(rule.attributes.priority),
    Conditions: rule.attributes.conditions,
    Actions: rule.attributes.actions,
    IsDefault: false,
  }
}

/** AWS: a listener's default rule: priority `default`, no conditions, the listener's default actions. */
export function toDefaultRuleShape(listener: ListenerRecord): Record<string, unknown> {
  return {
    RuleArn: defaultRuleArn(listener.arn),
    Priority: 'default',
    Conditions: [],
    Actions: listener.attributes.defaultActions,
    IsDefault: true,
  }
}
