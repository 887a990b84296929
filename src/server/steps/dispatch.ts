import type { Step } from '../step.js'

/** Runs the operation. */
export const dispatch: Step = {
  name: 'dispatch',
  async run(exchange) {
    exchange.output = (await exchange.operation!.run(exchange.context!, exchange.input ?? {})) ?? {}
  },
}
