import { AwsError } from '../../kernel/aws-error.js'

/** Elastic Load Balancing's error for input it rejects outside the model's constraints. */
export const validationError = (message: string): AwsError => new AwsError('ValidationError', 400, message)

/** AWS: v2 load balancers asked for by ARN that do not exist. */
export const loadBalancerNotFound = (message = 'One or more load balancers not found'): AwsError =>
  new AwsError('LoadBalancerNotFound', 400, message)

/** AWS: v2 DescribeLoadBalancers by names that do not exist. */
export const loadBalancersNamedNotFound = (names: readonly string[]): AwsError =>
  loadBalancerNotFound(`Load balancers '[${names.join(', ')}]' not found`)

/** AWS: a classic load balancer that does not exist. */
export const classicNotFound = (name: string): AwsError =>
  loadBalancerNotFound(`There is no ACTIVE Load Balancer named '${name}'`)

/** AWS: classic DescribeLoadBalancers by a name that does not exist. */
export const classicCannotFind = (name: string): AwsError =>
  loadBalancerNotFound(`Cannot find Load Balancer ${name}`)

/** AWS: target groups that do not exist. */
export const targetGroupNotFound = (arns?: readonly string[]): AwsError =>
  new AwsError(
    'TargetGroupNotFound',
    400,
    arns === undefined
      ? 'One or more target groups not found'
      : `Target groups '${arns.join(', ')}' not found`,
  )

/** AWS: listeners that do not exist. */
export const listenerNotFound = (arn?: string): AwsError =>
  new AwsError(
    'ListenerNotFound',
    400,
    arn === undefined ? 'One or more listeners not found' : `Listener '${arn}' not found`,
  )

/** AWS: v2 CreateLoadBalancer with a taken name and different settings. */
export const duplicateLoadBalancerName = (name: string): AwsError =>
  new AwsError(
    'DuplicateLoadBalancerName',
    400,
    `A load balancer with the same name '${name}' exists, but with different settings`,
  )

/** AWS: classic CreateLoadBalancer with a taken name and different settings. */
export const duplicateClassicName = (name: string): AwsError =>
  new AwsError(
    'DuplicateLoadBalancerName',
    400,
    `Load Balancer named ${name} already exists and it is configured with different parameters.`,
  )

/** AWS: CreateTargetGroup with a taken name and different settings. */
export const duplicateTargetGroupName = (name: string): AwsError =>
  new AwsError(
    'DuplicateTargetGroupName',
    400,
    `A target group with the same name '${name}' exists, but with different settings`,
  )

/** AWS: a listener on a port the load balancer already listens on. */
export const duplicateListener = (): AwsError =>
  new AwsError('DuplicateListener', 400, 'A listener already exists on this port for this load balancer')

/** Subnets that do not exist. */
export const subnetNotFound = (ids: readonly string[]): AwsError =>
  new AwsError(
    'SubnetNotFound',
    400,
    `The subnet ID${ids.length > 1 ? 's' : ''} '${ids.join(', ')}' ${ids.length > 1 ? 'are' : 'is'} not valid`,
  )

/** Security groups that do not exist. */
export const invalidSecurityGroup = (id: string): AwsError =>
  new AwsError('InvalidSecurityGroup', 400, `One or more security groups are invalid: '${id}'`)

/** Subnets that break a rule (two in one zone, several VPCs). */
export const invalidConfiguration = (message: string, status = 400): AwsError =>
  new AwsError('InvalidConfigurationRequest', status, message)

/** More tags than a resource may carry. */
export const tooManyTags = (): AwsError =>
  new AwsError(
    'TooManyTags',
    400,
    'The quota for the number of tags that can be assigned to a load balancer has been reached',
  )

/** The same tag key twice in one request. */
export const duplicateTagKeys = (key: string): AwsError =>
  new AwsError('DuplicateTagKeys', 400, `Tag key '${key}' specified more than once`)

/** A call AWS refuses in the resource's present state. */
export const operationNotPermitted = (message: string): AwsError =>
  new AwsError('OperationNotPermitted', 400, message)

/** AWS: listener rules that do not exist. */
export const ruleNotFound = (): AwsError => new AwsError('RuleNotFound', 400, 'One or more rules not found')

/** AWS: a rule priority another rule of the listener has. */
export const priorityInUse = (priority: number): AwsError =>
  new AwsError('PriorityInUse', 400, `Priority '${priority}' is currently in use`)
