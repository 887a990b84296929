import { AwsError } from '../../kernel/aws-error.js'
import { type ContextValue, decide } from '../../policy/index.js'
import type { AuthorizationRequest, Caller, OperationContext } from '../../services/index.js'
import type { Exchange } from '../exchange.js'
import { requestContext } from '../request-context.js'
import type { Step } from '../step.js'

/** Asks the policy engine about every authorization the operation declares; the first denial ends the request. */
export const authorize: Step = {
  name: 'authorize',
  async run(exchange, env) {
    const { store, clock, random } = env.deps
    // Named, not spread: V8 ran `{ ...env.deps, … }` through a slow path costing about 15 µs a request.
    const context: OperationContext = {
      store,
      clock,
      random,
      requestId: exchange.requestId,
      region: exchange.region,
      now: exchange.receivedAt,
      caller: exchange.caller,
      sourceIp: exchange.sourceIp,
      origin: originOf(exchange),
    }
    exchange.context = context
    const requests = await exchange.operation!.authorize(context, exchange.input ?? {})
    const caller = exchange.caller
    if (requests.length === 0) {
      exchange.authorization = 'NotEvaluated'
      return
    }
    for (const request of requests) {
      const context = requestContext(exchange, request)
      const decision = decideOne(caller, request, context)
      if (decision !== 'Allow') {
        const explicit = decision === 'ExplicitDeny'
        exchange.authorization = explicit ? 'ExplicitlyDenied' : 'ImplicitlyDenied'
        const denied = exchange.service?.denied
        if (denied === undefined) throw accessDenied(caller, request)
        throw await denied({
          caller,
          request,
          explicit,
          context,
          region: exchange.region,
          now: exchange.receivedAt,
        })
      }
    }
    exchange.authorization = 'Allowed'
  },
}

/** The scheme and Host header of the request, for services that hand out URLs of this endpoint. */
function originOf(exchange: Exchange): string | undefined {
  const host = exchange.request.headers.host
  return typeof host === 'string' && host !== ''
    ? `${exchange.secure ? 'https' : 'http'}://${host}`
    : undefined
}

/** Decides one authorization for the signed-in caller, or for the federated principal of an unsigned call. */

function decideOne(
  caller: Caller | undefined,
  request: AuthorizationRequest,
  context: ReadonlyMap<string, ContextValue>,
) {
  const principal = request.principal ?? caller?.principal
  if (principal === undefined) {
    throw new AwsError('MissingAuthenticationToken', 403, 'Request is missing Authentication Token')
  }
  return decide(
    {
      principal,
      action: request.action,
      resource: request.resource,
      resourceAccount: request.resourceAccount ?? principal.account,
      context,
    },
    {
      identity: caller?.identity ?? [],
      boundaries: caller?.boundaries ?? [],
      session: caller?.session ?? [],
      resource: request.resourcePolicy ?? null,
    },
  ).effect
}

/** AWS: the AccessDenied text names the caller, the action and the resource. */
export function accessDenied(caller: Caller | undefined, request: AuthorizationRequest): AwsError {
  const who = request.principal?.arn ?? caller?.principal.arn ?? 'anonymous'
  return new AwsError(
    'AccessDenied',
    403,
    request.deniedMessage ??
      `User: ${who} is not authorized to perform: ${request.action} on resource: ${request.resource}`,
  )
}
