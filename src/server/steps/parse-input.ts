import { AwsError } from '../../kernel/aws-error.js'
import { parseRequest } from '../../protocol/index.js'
import type { Step } from '../step.js'
import { isFormBody } from './resolve-service.js'
import { wireRequest } from './wire-request.js'

/** Reads and validates the operation's input from the wire, as its model describes it. */
export const parseInput: Step = {
  name: 'parseInput',
  run(exchange) {
    const model = exchange.model!
    const wire = wireRequest(exchange)
    // The parameters routing read from the query and the form body: the same the query protocols would read.
    const reuse =
      exchange.params !== undefined && (exchange.request.body.length === 0 || isFormBody(exchange.request))
    const parsed = parseRequest(
      model.metadata.protocol,
      model,
      exchange.operationName!,
      reuse ? { ...wire, formParams: exchange.params } : wire,
    )
    if (!parsed.ok) throw new AwsError(parsed.error.code, parsed.error.status, parsed.error.message)
    exchange.input = parsed.input
  },
}
