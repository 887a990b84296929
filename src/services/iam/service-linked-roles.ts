/** What IAM creates for one AWS service's service-linked role. */
export interface ServiceLinkedRoleSpec {
  /** The service principal, e.g. `elasticloadbalancing.amazonaws.com`. */
  readonly service: string
  readonly roleName: string
  /** The AWS managed policy AWS attaches, under `policy/aws-service-role/`. */
  readonly policyArn: string
  /** Whether CreateServiceLinkedRole accepts a CustomSuffix for it. */
  readonly suffixAllowed: boolean
}

const spec = (
  service: string,
  roleName: string,
  policy: string,
  suffixAllowed = false,
): ServiceLinkedRoleSpec => ({
  service,
  roleName,
  policyArn: `arn:aws:iam::aws:policy/aws-service-role/${policy}`,
  suffixAllowed,
})

/**
 * The service-linked roles of the services Lanyard emulates (EC2, Elastic Load Balancing, Auto Scaling).
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_aws-services-that-work-with-iam.html
 */
export const SERVICE_LINKED_ROLES: ReadonlyMap<string, ServiceLinkedRoleSpec> = new Map(
  [
    spec(
      'elasticloadbalancing.amazonaws.com',
      'AWSServiceRoleForElasticLoadBalancing',
      'AWSElasticLoadBalancingServiceRolePolicy',
    ),
    spec('autoscaling.amazonaws.com', 'AWSServiceRoleForAutoScaling', 'AutoScalingServiceRolePolicy', true),
    spec('spot.amazonaws.com', 'AWSServiceRoleForEC2Spot', 'AWSEC2SpotServiceRolePolicy'),
    spec('spotfleet.amazonaws.com', 'AWSServiceRoleForEC2SpotFleet', 'AWSEC2SpotFleetServiceRolePolicy'),
    spec('ec2fleet.amazonaws.com', 'AWSServiceRoleForEC2Fleet', 'AWSEC2FleetServiceRolePolicy'),
    spec(
      'transitgateway.amazonaws.com',
      'AWSServiceRoleForVPCTransitGateway',
      'AWSVPCTransitGatewayServiceRolePolicy',
    ),
  ].map((s) => [s.service, s]),
)

/** The trust policy of a service-linked role: the service may assume it. */
export const serviceTrustPolicy = (service: string): string =>
  JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: { Service: service }, Action: 'sts:AssumeRole' }],
  })

/** The role name for a spec and an optional suffix (AWS joins them with `_`). */
export const serviceRoleName = (spec: ServiceLinkedRoleSpec, suffix: string | undefined): string =>
  suffix === undefined ? spec.roleName : `${spec.roleName}_${suffix}`

/** The settings key under which a deletion task's status is kept. */
export const deletionTaskKey = (taskId: string): string => `iam/slr-deletion/${taskId}`

const TASK = /^task\/aws-service-role\/([^/]+)\/([^/]+)\/[0-9a-f-]{36}$/

/** The service and role name a deletion task id names, or undefined when it is not one. */
export function parseDeletionTaskId(taskId: string): { service: string; roleName: string } | undefined {
  const match = TASK.exec(taskId)
  return match === null ? undefined : { service: match[1]!, roleName: match[2]! }
}
