import { MODELS } from '../../../models/index.js'
import type { ServiceDefinition } from '../../operation.js'
import { describeAccountLimits } from '../account-limits.js'
import { elbDenied } from '../authz.js'
import { addTags } from './operations/add-tags.js'
import { applySecurityGroupsToLoadBalancer } from './operations/apply-security-groups-to-load-balancer.js'
import { attachLoadBalancerToSubnets } from './operations/attach-load-balancer-to-subnets.js'
import { configureHealthCheck } from './operations/configure-health-check.js'
import { createLoadBalancer } from './operations/create-load-balancer.js'
import { createLoadBalancerListeners } from './operations/create-load-balancer-listeners.js'
import { deleteLoadBalancer } from './operations/delete-load-balancer.js'
import { deleteLoadBalancerListeners } from './operations/delete-load-balancer-listeners.js'
import { deregisterInstancesFromLoadBalancer } from './operations/deregister-instances-from-load-balancer.js'
import { describeInstanceHealth } from './operations/describe-instance-health.js'
import { describeLoadBalancerAttributes } from './operations/describe-load-balancer-attributes.js'
import { describeLoadBalancers } from './operations/describe-load-balancers.js'
import { describeTags } from './operations/describe-tags.js'
import { detachLoadBalancerFromSubnets } from './operations/detach-load-balancer-from-subnets.js'
import { modifyLoadBalancerAttributes } from './operations/modify-load-balancer-attributes.js'
import { registerInstancesWithLoadBalancer } from './operations/register-instances-with-load-balancer.js'
import { removeTags } from './operations/remove-tags.js'

/** Elastic Load Balancing (classic), 2012-06-01 (query protocol). */
export const ELB_SERVICE: ServiceDefinition = {
  signingName: 'elasticloadbalancing',
  eventSource: 'elasticloadbalancing.amazonaws.com',
  denied: elbDenied,
  model: MODELS.elb,
  operations: {
    AddTags: addTags,
    ApplySecurityGroupsToLoadBalancer: applySecurityGroupsToLoadBalancer,
    AttachLoadBalancerToSubnets: attachLoadBalancerToSubnets,
    ConfigureHealthCheck: configureHealthCheck,
    CreateLoadBalancer: createLoadBalancer,
    CreateLoadBalancerListeners: createLoadBalancerListeners,
    DeleteLoadBalancer: deleteLoadBalancer,
    DeleteLoadBalancerListeners: deleteLoadBalancerListeners,
    DeregisterInstancesFromLoadBalancer: deregisterInstancesFromLoadBalancer,
    DescribeAccountLimits: describeAccountLimits('classic'),
    DescribeInstanceHealth: describeInstanceHealth,
    DescribeLoadBalancerAttributes: describeLoadBalancerAttributes,
    DescribeLoadBalancers: describeLoadBalancers,
    DescribeTags: describeTags,
    DetachLoadBalancerFromSubnets: detachLoadBalancerFromSubnets,
    ModifyLoadBalancerAttributes: modifyLoadBalancerAttributes,
    RegisterInstancesWithLoadBalancer: registerInstancesWithLoadBalancer,
    RemoveTags: removeTags,
  },
}
