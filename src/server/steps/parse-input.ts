import { AwsError } from '../../kernel/aws-error.js'
import { parseRequest } from '../../protocol/index.js'
import type { Step } from '../step.js'
import { wireRequest } from './wire-request.js'

/** Reads and validates the operation's input from the wire, as its model describes it. */
export const parseInput: Step = {
  name: 'parseInput',
  run(exchange) {
    const model = exchange.model!
    const parsed = parseRequest(
      model.metadata.protocol,
      model,
      exchange.operationName!,
      wireRequest(exchange),
    )
    if (!parsed.ok) throw new AwsError(parsed.error.code, parsed.error.status, parsed.error.message)
    exchange.input = parsed.input
  },
}
