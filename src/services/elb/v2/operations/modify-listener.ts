import type { Operation } from '../../../operation.js'
import { onResource, withListenerContext } from '../../authz.js'
import { duplicateListener } from '../../errors.js'
import { forwardedTargetGroups, relinkTargetGroups } from '../detach.js'
import { checkActions, checkListener } from '../listener-rules.js'
import { listenersOf, loadListener, loadLoadBalancer } from '../loaders.js'
import { toListenerShape } from '../mappers.js'
import type { ListenerAttributes } from '../records.js'

type Action = Readonly<Record<string, unknown>>

/** ELBv2 ModifyListener: changes the port, protocol, certificates, SSL policy or default actions of a listener. */
export const modifyListener: Operation = {
  async authorize(ctx, input) {
    const listener = await loadListener(ctx, String(input.ListenerArn))
    return [onResource('ModifyListener', listener, withListenerContext(input))]
  },
  async run(ctx, input) {
    const listener = await loadListener(ctx, String(input.ListenerArn))
    const lb = await loadLoadBalancer(ctx, listener.attributes.loadBalancerArn)
    const current = listener.attributes
    const protocol = checkListener(
      lb,
      (input.Protocol as string | undefined) ?? current.protocol,
      input.Certificates ?? current.certificates,
    )
    const port = typeof input.Port === 'number' ? input.Port : current.port
    if (port !== current.port && (await listenersOf(ctx, lb.arn)).some((l) => l.attributes.port === port))
      throw duplicateListener()
    const defaultActions = Array.isArray(input.DefaultActions)
      ? await checkActions(ctx, lb, protocol, input.DefaultActions as Action[])
      : current.defaultActions
    const attributes: ListenerAttributes = Object.assign({}, current, {
      port,
      protocol,
      defaultActions,
      ...(Array.isArray(input.Certificates) ? { certificates: input.Certificates as Action[] } : {}),
      ...(typeof input.SslPolicy === 'string' ? { sslPolicy: input.SslPolicy } : {}),
      ...(Array.isArray(input.AlpnPolicy) ? { alpnPolicy: input.AlpnPolicy.map(String) } : {}),
    })
    const updated = await ctx.store.transaction(async (tx) => {
      const result = await tx.cloudResources.update(
        listener.arn,
        { attributes, at: ctx.now },
        listener.revision,
      )
      await relinkTargetGroups(
        tx,
        listener.arn,
        forwardedTargetGroups(current.defaultActions),
        forwardedTargetGroups(defaultActions),
        ctx.now,
      )
      return result
    })
    return { Listeners: [toListenerShape(updated ?? listener)] }
  },
}
