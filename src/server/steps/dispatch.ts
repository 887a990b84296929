import type { Step } from '../step.js'

/**
 * Runs the operation. After any operation that is not read-only of a service that changes
 * credentials (IAM), whether it succeeded or not, a notice goes out on the store's change feed, so
 * caches derived from the store (the callers of the credential resolvers) drop what they hold before
 * the next request. Writes of the other services (S3 objects, EC2 instances, AssumeRole) leave them.
 */
export const dispatch: Step = {
  name: 'dispatch',
  async run(exchange, env) {
    const operation = exchange.operation!
    try {
      exchange.output = (await operation.run(exchange.context!, exchange.input ?? {})) ?? {}
    } finally {
      if (!operation.readOnly && exchange.service!.changesCredentials === true) {
        const accountId = exchange.caller?.principal.account
        await env.deps.store.changes.publish({
          topic: exchange.service!.signingName,
          ...(accountId === undefined ? {} : { accountId }),
        })
      }
    }
  },
}
