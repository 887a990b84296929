import type { OperationContext } from '../../operation.js'
import { accountOf } from '../arns.js'
import type { ClassicRecord } from './loader.js'

/** A classic load balancer as DescribeLoadBalancers shows it. */
export function toClassicShape(ctx: OperationContext, lb: ClassicRecord): Record<string, unknown> {
  const a = lb.attributes
  return {
    LoadBalancerName: a.name,
    DNSName: a.dnsName,
    // AWS: only internet-facing load balancers have a canonical hosted zone name.
    ...(a.scheme === 'internet-facing' ? { CanonicalHostedZoneName: a.dnsName } : {}),
    CanonicalHostedZoneNameID: a.canonicalHostedZoneNameId,
    ListenerDescriptions: a.listeners.map((listener) => ({ Listener: listener, PolicyNames: [] })),
    Policies: { AppCookieStickinessPolicies: [], LBCookieStickinessPolicies: [], OtherPolicies: [] },
    BackendServerDescriptions: [],
    AvailabilityZones: [...a.availabilityZones],
    Subnets: [...a.subnets],
    ...(a.vpcId === undefined ? {} : { VPCId: a.vpcId }),
    Instances: a.instances.map((instance) => ({ InstanceId: instance.id })),
    HealthCheck: a.healthCheck,
    ...(a.sourceGroupName === undefined
      ? {}
      : { SourceSecurityGroup: { OwnerAlias: accountOf(ctx), GroupName: a.sourceGroupName } }),
    SecurityGroups: [...a.securityGroups],
    CreatedTime: lb.createdAt,
    Scheme: a.scheme,
  }
}
