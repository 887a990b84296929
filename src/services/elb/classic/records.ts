/** A classic listener, as the wire names its members. */
export type ClassicListener = {
  readonly Protocol: string
  readonly LoadBalancerPort: number
  readonly InstanceProtocol: string
  readonly InstancePort: number
  readonly SSLCertificateId?: string
}

/** A classic health check, as the wire names its members. */
export type ClassicHealthCheck = {
  readonly Target: string
  readonly Interval: number
  readonly Timeout: number
  readonly UnhealthyThreshold: number
  readonly HealthyThreshold: number
}

/** The attributes of Describe/ModifyLoadBalancerAttributes, as the wire names them. */
export type ClassicSettings = {
  readonly CrossZoneLoadBalancing: { readonly Enabled: boolean }
  readonly AccessLog: {
    readonly Enabled: boolean
    readonly S3BucketName?: string
    readonly EmitInterval?: number
    readonly S3BucketPrefix?: string
  }
  readonly ConnectionDraining: { readonly Enabled: boolean; readonly Timeout?: number }
  readonly ConnectionSettings: { readonly IdleTimeout: number }
  readonly AdditionalAttributes: readonly { readonly Key: string; readonly Value: string }[]
}

/** What Lanyard stores for a classic load balancer (`cloudResources` type `loadbalancer`, id: its name). */
export type ClassicAttributes = {
  readonly name: string
  readonly scheme: 'internal' | 'internet-facing'
  readonly dnsName: string
  readonly canonicalHostedZoneNameId: string
  readonly listeners: readonly ClassicListener[]
  readonly availabilityZones: readonly string[]
  readonly subnets: readonly string[]
  readonly vpcId?: string
  readonly securityGroups: readonly string[]
  /** The name of the first security group: AWS reports it as the source security group. */
  readonly sourceGroupName?: string
  readonly instances: readonly { readonly id: string; readonly registeredAt: number }[]
  readonly healthCheck: ClassicHealthCheck
  readonly settings: ClassicSettings
}
