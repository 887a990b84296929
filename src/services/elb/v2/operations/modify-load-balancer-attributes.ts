import type { Operation } from '../../../operation.js'
import { loadLoadBalancer } from '../loaders.js'
import { modifySettingsOperation } from '../modify-settings.js'

/** ELBv2 ModifyLoadBalancerAttributes: sets attributes the load balancer's type has; answers them all. */
export const modifyLoadBalancerAttributes: Operation = modifySettingsOperation(
  'ModifyLoadBalancerAttributes',
  'Load balancer',
  (ctx, input) => loadLoadBalancer(ctx, String(input.LoadBalancerArn)),
)
