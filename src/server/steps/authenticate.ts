import { AwsError } from '../../kernel/aws-error.js'
import { verifySigV4 } from '../../sigv4/index.js'
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
    exchange.caller = await resolved.caller()
  },
}
