import { AwsError } from '../../kernel/aws-error.js'
import { MODELS } from '../../models/index.js'
import { serializeError } from '../../protocol/index.js'
import { StoreUnavailable } from '../../store/index.js'
import type { Exchange } from '../exchange.js'

/**
 * Turns any thrown value into an AWS error: a database that cannot be reached (or is busy) is a retryable
 * ServiceUnavailable 503; anything else that is not an AwsError is an InternalFailure.
 */
export function toAwsError(thrown: unknown): AwsError {
  if (thrown instanceof AwsError) return thrown
  // AWS: the common error for a temporary failure of the server; SDKs retry it.
  if (thrown instanceof StoreUnavailable)
    return new AwsError(
      'ServiceUnavailable',
      503,
      'The request has failed due to a temporary failure of the server.',
      'Receiver',
    )
  return new AwsError('InternalFailure', 500, 'An internal error occurred.', 'Receiver')
}

/** Renders `exchange.error` in the envelope of the request's protocol (query when it is unknown). */
export function renderError(exchange: Exchange): void {
  const error = exchange.error!
  const model = exchange.model ?? exchange.service?.model ?? MODELS.sts
  exchange.response = serializeError(
    model.metadata.protocol,
    model,
    { code: error.code, status: error.status, message: error.message, fault: error.fault },
    exchange.requestId,
    exchange.request.method,
  )
}
