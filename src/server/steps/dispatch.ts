import type { Step } from '../step.js'

/**
 * Runs the operation. After any operation that is not read-only, whether it succeeded or not, a
 * notice goes out on the store's change feed, so caches derived from the store (the callers of
 * `longTermKeyResolver`) drop what they hold before the next request.
 */
export const dispatch: Step = {
  name: 'dispatch',
  async run(exchange, env) {
    const operation = exchange.operation!
    try {
      exchange.output = (await operation.run(exchange.context!, exchange.input ?? {})) ?? {}
    } finally {
      if (!operation.readOnly) {
        const accountId = exchange.caller?.principal.account
        await env.deps.store.changes.publish({
          topic: exchange.service!.signingName,
          ...(accountId === undefined ? {} : { accountId }),
        })
      }
    }
  },
}
