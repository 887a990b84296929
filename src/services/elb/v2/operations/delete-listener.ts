import type { Operation } from '../../../operation.js'
import { onResource } from '../../authz.js'
import { deleteListenerRecord } from '../detach.js'
import { loadListener } from '../loaders.js'

/** ELBv2 DeleteListener: deletes a listener; its target groups no longer count it. */
export const deleteListener: Operation = {
  async authorize(ctx, input) {
    return [onResource('DeleteListener', await loadListener(ctx, String(input.ListenerArn)))]
  },
  async run(ctx, input) {
    const listener = await loadListener(ctx, String(input.ListenerArn))
    await ctx.store.transaction((tx) => deleteListenerRecord(tx, listener, ctx.now))
    return {}
  },
}
