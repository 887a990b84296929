import { MODELS } from '../../../models/index.js'
import type { ServiceDefinition } from '../../operation.js'
import { describeAccountLimits } from '../account-limits.js'
import { elbDenied } from '../authz.js'
import { addTags } from './operations/add-tags.js'
import { createListener } from './operations/create-listener.js'
import { createLoadBalancer } from './operations/create-load-balancer.js'
import { createRule } from './operations/create-rule.js'
import { createTargetGroup } from './operations/create-target-group.js'
import { deleteListener } from './operations/delete-listener.js'
import { deleteLoadBalancer } from './operations/delete-load-balancer.js'
import { deleteRule } from './operations/delete-rule.js'
import { deleteTargetGroup } from './operations/delete-target-group.js'
import { deregisterTargets } from './operations/deregister-targets.js'
import { describeListeners } from './operations/describe-listeners.js'
import { describeLoadBalancerAttributes } from './operations/describe-load-balancer-attributes.js'
import { describeLoadBalancers } from './operations/describe-load-balancers.js'
import { describeRules } from './operations/describe-rules.js'
import { describeTags } from './operations/describe-tags.js'
import { describeTargetGroupAttributes } from './operations/describe-target-group-attributes.js'
import { describeTargetGroups } from './operations/describe-target-groups.js'
import { describeTargetHealth } from './operations/describe-target-health.js'
import { modifyListener } from './operations/modify-listener.js'
import { modifyLoadBalancerAttributes } from './operations/modify-load-balancer-attributes.js'
import { modifyRule } from './operations/modify-rule.js'
import { modifyTargetGroup } from './operations/modify-target-group.js'
import { modifyTargetGroupAttributes } from './operations/modify-target-group-attributes.js'
import { registerTargets } from './operations/register-targets.js'
import { removeTags } from './operations/remove-tags.js'
import { setSecurityGroups } from './operations/set-security-groups.js'
import { setSubnets } from './operations/set-subnets.js'

/** Elastic Load Balancing v2, 2015-12-01 (query protocol): application and network load balancers. */
export const ELBV2_SERVICE: ServiceDefinition = {
  signingName: 'elasticloadbalancing',
  eventSource: 'elasticloadbalancing.amazonaws.com',
  denied: elbDenied,
  model: MODELS.elbv2,
  operations: {
    AddTags: addTags,
    CreateListener: createListener,
    CreateLoadBalancer: createLoadBalancer,
    CreateRule: createRule,
    CreateTargetGroup: createTargetGroup,
    DeleteListener: deleteListener,
    DeleteLoadBalancer: deleteLoadBalancer,
    DeleteRule: deleteRule,
    DeleteTargetGroup: deleteTargetGroup,
    DeregisterTargets: deregisterTargets,
    DescribeAccountLimits: describeAccountLimits('v2'),
    DescribeListeners: describeListeners,
    DescribeLoadBalancerAttributes: describeLoadBalancerAttributes,
    DescribeLoadBalancers: describeLoadBalancers,
    DescribeRules: describeRules,
    DescribeTags: describeTags,
    DescribeTargetGroupAttributes: describeTargetGroupAttributes,
    DescribeTargetGroups: describeTargetGroups,
    DescribeTargetHealth: describeTargetHealth,
    ModifyListener: modifyListener,
    ModifyLoadBalancerAttributes: modifyLoadBalancerAttributes,
    ModifyRule: modifyRule,
    ModifyTargetGroup: modifyTargetGroup,
    ModifyTargetGroupAttributes: modifyTargetGroupAttributes,
    RegisterTargets: registerTargets,
    RemoveTags: removeTags,
    SetSecurityGroups: setSecurityGroups,
    SetSubnets: setSubnets,
  },
}
