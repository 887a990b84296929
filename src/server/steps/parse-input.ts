import { AwsError } from '../../kernel/aws-error.js'
import { parseRequest } from '../../protocol/index.js'
import type { Step } from '../step.js'

/** Reads and validates the operation's input from the wire, as its model describes it. */
export const parseInput: Step = {
  name: 'parseInput',
  run(exchange) {
    const { request } = exchange
    const model = exchange.model!
    const headers: Record<string, string | undefined> = {}
    for (const [name, value] of Object.entries(request.headers)) {
      headers[name] = typeof value === 'string' ? value : value?.join(',')
    }
    const parsed = parseRequest(model.metadata.protocol, model, exchange.operationName!, {
      method: request.method,
      path: request.path,
      query: new URLSearchParams(request.query),
      headers,
      body: request.body,
    })
    if (!parsed.ok) throw new AwsError(parsed.error.code, parsed.error.status, parsed.error.message)
    exchange.input = parsed.input
  },
}
