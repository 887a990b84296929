import type { Operation } from '../../../operation.js'
import { onResource } from '../../authz.js'
import { deleteListenerRecord } from '../detach.js'
import { loadListener, rulesOf } from '../loaders.js'

/** ELBv2 DeleteListener: deletes a listener and its rules; its target groups no longer count them. */
export const deleteListener: Operation = {
  async authorize(ctx, input) {
    return [onResource('DeleteListener', await loadListener(ctx, String(input.ListenerArn)))]
  },
  async run(ctx, input) {
    const listener = await loadListener(ctx, String(input.ListenerArn))
    const rules = await rulesOf(ctx, listener.arn)
    await ctx.store.transaction((tx) => deleteListenerRecord(tx, listener, rules, ctx.now))
    return {}
  },
}
