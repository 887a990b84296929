import { AwsError } from '../../kernel/aws-error.js'
import {
  type AwsChunkedContext,
  decodeAwsChunked,
  type ReceivedRequest,
  verifySigV4,
} from '../../sigv4/index.js'
import type { Step } from '../step.js'

/**
 * Verifies the SigV4 signature with the secret of the signing key and loads the caller.
 * Unsigned calls pass only for operations AWS serves unsigned.
 */
export const authenticate: Step = {
  name: 'authenticate',
  async run(exchange, env) {
    const { auth, operation } = exchange
    if (auth === undefined) {
      if (operation?.unsigned) return
      throw new AwsError('MissingAuthenticationToken', 403, 'Request is missing Authentication Token')
    }
    const resolved = await env.credentials.resolve(auth.accessKeyId, auth.securityToken, exchange.receivedAt)
    const verified = verifySigV4(
      exchange.request,
      auth,
      resolved.secretAccessKey,
      exchange.receivedAt,
      env.signingKeys,
    )
    if (!verified.ok) throw new AwsError(verified.code, verified.status, verified.message)
    const refusal = resolved.refuses?.(exchange.service!.signingName, exchange.operationName!)
    if (refusal !== undefined) throw refusal
    if (verified.chunked !== undefined) exchange.request = decodedRequest(exchange.request, verified.chunked)
    exchange.caller = await resolved.caller()
  },
}

/** The request with its aws-chunked body (S3 streaming uploads) decoded and every chunk signature checked. */
function decodedRequest(request: ReceivedRequest, chunked: AwsChunkedContext): ReceivedRequest {
  const header = (name: string): string | undefined => {
    const value = request.headers[name]
    return typeof value === 'string' ? value : value?.join(',')
  }
  const declared = header('x-amz-decoded-content-length')
  const trailer = header('x-amz-trailer')
  const decoded = decodeAwsChunked(
    request.body,
    Object.assign(
      {},
      chunked,
      declared === undefined ? {} : { decodedContentLength: Number(declared) },
      trailer === undefined ? {} : { trailerNames: trailer.split(',') },
    ),
  )
  if (!decoded.ok) throw new AwsError(decoded.code, decoded.status, decoded.message)
  return Object.assign({}, request, { body: decoded.payload })
}
