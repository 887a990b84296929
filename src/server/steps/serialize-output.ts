import { serializeResponse } from '../../protocol/index.js'
import type { Step } from '../step.js'

/** Writes the operation's output in its protocol's success envelope. */
export const serializeOutput: Step = {
  name: 'serializeOutput',
  run(exchange) {
    const model = exchange.model!
    exchange.response = serializeResponse(
      model.metadata.protocol,
      model,
      exchange.operationName!,
      exchange.output,
      exchange.requestId,
    )
  },
}
