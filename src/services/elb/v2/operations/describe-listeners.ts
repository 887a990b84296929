import type { Operation } from '../../../operation.js'
import { elbAuthorization } from '../../authz.js'
import { listenerNotFound, validationError } from '../../errors.js'
import { nextMarker, pageOf, pageRequest } from '../../pagination.js'
import { findListener, type ListenerRecord, listenersOf, loadLoadBalancer } from '../loaders.js'
import { toListenerShape } from '../mappers.js'

/** ELBv2 DescribeListeners: the listeners of a load balancer, or the ones asked for by ARN. */
export const describeListeners: Operation = {
  readOnly: true,
  async authorize() {
    return [elbAuthorization('DescribeListeners', '*')]
  },
  async run(ctx, input) {
    const arns = Array.isArray(input.ListenerArns) ? input.ListenerArns.map(String) : undefined
    const lbArn = typeof input.LoadBalancerArn === 'string' ? input.LoadBalancerArn : undefined
    if ((arns === undefined) === (lbArn === undefined))
      throw validationError('You must specify either listener ARNs or a load balancer ARN')
    let listeners: ListenerRecord[]
    if (lbArn !== undefined) listeners = await listenersOf(ctx, (await loadLoadBalancer(ctx, lbArn)).arn)
    else {
      listeners = []
      for (const arn of arns!) {
        const listener = await findListener(ctx, arn)
        if (listener === undefined) throw listenerNotFound()
        listeners.push(listener)
      }
    }
    const page = pageOf(listeners, pageRequest(input))
    return { Listeners: page.items.map(toListenerShape), ...nextMarker(page.next) }
  },
}
