/** One subnet a v2 load balancer is in. */
export type ZoneRecord = {
  readonly subnetId: string
  readonly zoneName: string
}

/** What Lanyard stores for a v2 load balancer (`cloudResources` type `loadbalancer-v2`, id: its name). */
export type LoadBalancerAttributes = {
  readonly name: string
  readonly type: 'application' | 'network'
  readonly scheme: 'internal' | 'internet-facing'
  readonly ipAddressType: string
  readonly vpcId: string
  readonly dnsName: string
  readonly canonicalHostedZoneId: string
  readonly zones: readonly ZoneRecord[]
  readonly securityGroups: readonly string[]
  /** The attribute keys and values of Describe/ModifyLoadBalancerAttributes. */
  readonly settings: Readonly<Record<string, string>>
  /** Epoch milliseconds: when `provisioning` turns into `active`. */
  readonly activeAt: number
}

/** A target's registration. */
export type TargetRecord = {
  readonly id: string
  readonly port: number
  readonly availabilityZone?: string
  /** Epoch milliseconds. */
  readonly registeredAt: number
}

/** A target group's health check. */
export type HealthCheckRecord = {
  readonly enabled: boolean
  readonly protocol?: string
  readonly port?: string
  readonly path?: string
  readonly intervalSeconds: number
  readonly timeoutSeconds: number
  readonly healthyThreshold: number
  readonly unhealthyThreshold: number
  readonly matcher?: { readonly HttpCode?: string; readonly GrpcCode?: string }
}

/** What Lanyard stores for a target group (`cloudResources` type `targetgroup`, id: its name). */
export type TargetGroupAttributes = {
  readonly name: string
  readonly targetType: string
  readonly protocol?: string
  readonly protocolVersion?: string
  readonly port?: number
  readonly vpcId?: string
  readonly ipAddressType?: string
  readonly healthCheck: HealthCheckRecord
  readonly settings: Readonly<Record<string, string>>
  readonly targets: readonly TargetRecord[]
  /** The listeners and listener rules whose actions forward here. */
  readonly listenerArns: readonly string[]
}

/** What Lanyard stores for a listener (`cloudResources` type `listener`, id: its ARN's last part, parent: the load balancer ARN). */
export type ListenerAttributes = {
  readonly loadBalancerArn: string
  readonly port: number
  readonly protocol: string
  /** The `DefaultActions` as the wire gave them. */
  readonly defaultActions: readonly Readonly<Record<string, unknown>>[]
  readonly certificates?: readonly Readonly<Record<string, unknown>>[]
  readonly sslPolicy?: string
  readonly alpnPolicy?: readonly string[]
}

/** What Lanyard stores for a listener rule (`cloudResources` type `listener-rule`, parent: the listener ARN). */
export type RuleAttributes = {
  readonly listenerArn: string
  readonly priority: number
  /** The `Conditions` and `Actions` as the wire gave them. */
  readonly conditions: readonly Readonly<Record<string, unknown>>[]
  readonly actions: readonly Readonly<Record<string, unknown>>[]
}
