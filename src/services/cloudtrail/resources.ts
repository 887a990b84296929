/** A CloudTrail `Resource` of an event. */
export interface EventResource {
  readonly ResourceType: string
  readonly ResourceName: string
}

/**
 * Which requestParameters members name which resource type; the event's Resources are derived from them.
 * AWS: CloudTrail names IAM users, groups and instance profiles by name, roles and policies by name or ARN.
 */
const RESOURCE_MEMBERS: ReadonlyArray<readonly [member: string, type: string]> = [
  ['userName', 'AWS::IAM::User'],
  ['groupName', 'AWS::IAM::Group'],
  ['roleName', 'AWS::IAM::Role'],
  ['roleArn', 'AWS::IAM::Role'],
  ['policyArn', 'AWS::IAM::Policy'],
  ['policyName', 'AWS::IAM::Policy'],
  ['instanceProfileName', 'AWS::IAM::InstanceProfile'],
  ['accessKeyId', 'AWS::IAM::AccessKey'],
  ['openIDConnectProviderArn', 'AWS::IAM::OIDCProvider'],
  ['secretId', 'AWS::SecretsManager::Secret'],
  ['bucket', 'AWS::S3::Bucket'],
  ['hostedZoneId', 'AWS::Route53::HostedZone'],
  ['vpcId', 'AWS::EC2::VPC'],
  ['subnetId', 'AWS::EC2::Subnet'],
  ['instanceId', 'AWS::EC2::Instance'],
  ['volumeId', 'AWS::EC2::Volume'],
  ['loadBalancerName', 'AWS::ElasticLoadBalancing::LoadBalancer'],
  ['loadBalancerArn', 'AWS::ElasticLoadBalancingV2::LoadBalancer'],
]

/** The resources a stored CloudTrail event names, from the string members of its requestParameters. */
export function eventResources(event: Readonly<Record<string, unknown>>): EventResource[] {
  const params = event.requestParameters
  if (params === null || typeof params !== 'object') return []
  const record = params as Record<string, unknown>
  const out: EventResource[] = []
  for (const [member, type] of RESOURCE_MEMBERS) {
    const value = record[member]
    if (typeof value === 'string' && value !== '') out.push({ ResourceType: type, ResourceName: value })
  }
  return out
}

/** True when one of the event's resources has that type (`ResourceType`) or name (`ResourceName`). */
export function namesResource(
  resources: readonly EventResource[],
  key: 'ResourceType' | 'ResourceName',
  value: string,
): boolean {
  return resources.some((resource) => resource[key] === value)
}
