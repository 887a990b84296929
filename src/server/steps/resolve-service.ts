import { AwsError } from '../../kernel/aws-error.js'
import { readFormParams } from '../../protocol/index.js'
import type { ServiceDefinition } from '../../services/index.js'
import { parseSigV4 } from '../../sigv4/index.js'
import type { Exchange } from '../exchange.js'
import type { Step } from '../step.js'

/** AWS: STS calls that arrive unsigned; the `Action` routes them. */
const UNSIGNED_STS_ACTIONS: ReadonlySet<string> = new Set(['AssumeRoleWithWebIdentity', 'AssumeRoleWithSAML'])

const FORM = 'application/x-www-form-urlencoded'

/**
 * Routes the request to a service: the SigV4 credential-scope service first, the `Action` of an
 * unsigned STS call next, a service's own unsigned path prefix next, S3 REST otherwise.
 */
export const resolveService: Step = {
  name: 'resolveService',
  run(exchange, env) {
    const { request } = exchange
    exchange.params = readFormParams(request.query, isFormBody(request) ? request.body : undefined)
    const parsed = parseSigV4(request)
    if (parsed.ok) {
      exchange.auth = parsed
      exchange.region = parsed.scope.region
      exchange.service = pickService(env.services.get(parsed.scope.service), parsed.scope.service)
      return
    }
    if (!parsed.unsigned) throw new AwsError(parsed.code, parsed.status, parsed.message)
    const action = exchange.params.get('Action')
    if (action !== undefined && UNSIGNED_STS_ACTIONS.has(action)) {
      exchange.service = pickService(env.services.get('sts'), 'sts')
      return
    }
    const byPath = unsignedPathOwner(env.services, request.path)
    if (byPath !== undefined) {
      exchange.service = byPath
      return
    }
    const s3 = env.services.get('s3')
    if (s3 !== undefined) {
      exchange.service = s3[0]
      // AWS: S3 refuses Signature Version 2 (Authorization `AWS key:sig`, or AWSAccessKeyId/Signature in the query).
      if (signatureV2(request.headers.authorization, exchange.params))
        throw new AwsError(
          'InvalidRequest',
          400,
          'The authorization mechanism you have provided is not supported. Please use AWS4-HMAC-SHA256.',
        )
      return
    }
    throw new AwsError(parsed.code, parsed.status, parsed.message)
  },
}

/** Whether the body is form-encoded parameters (`application/x-www-form-urlencoded`). */
function isFormBody(request: Exchange['request']): boolean {
  const contentType = request.headers['content-type']
  return typeof contentType === 'string' && contentType.toLowerCase().startsWith(FORM)
}

/**
 * The parameters routing read, when they are all that the query protocols read (`readFormParams` of query and body):
 * the body was empty or a form. Undefined otherwise, and before routing.
 */
export function routedFormParams(exchange: Exchange): ReadonlyMap<string, string> | undefined {
  const { request } = exchange
  return request.body.length === 0 || isFormBody(request) ? exchange.params : undefined
}

/** The service that claims unsigned requests below `path` (ServiceDefinition.unsignedPathPrefix), if any. */
function unsignedPathOwner(
  services: ReadonlyMap<string, readonly ServiceDefinition[]>,
  path: string,
): ServiceDefinition | undefined {
  for (const candidates of services.values())
    for (const service of candidates)
      if (service.unsignedPathPrefix !== undefined && path.startsWith(service.unsignedPathPrefix))
        return service
  return undefined
}

function pickService<T>(candidates: readonly T[] | undefined, signingName: string): T {
  const first = candidates?.[0]
  // AWS: a credential scope naming a service this endpoint does not serve.
  if (first === undefined) {
    throw new AwsError('InvalidAction', 400, `The service ${signingName} is not available at this endpoint.`)
  }
  return first
}

function signatureV2(
  authorization: string | readonly string[] | undefined,
  params: ReadonlyMap<string, string>,
): boolean {
  if (typeof authorization === 'string' && authorization.startsWith('AWS ')) return true
  return params.has('AWSAccessKeyId') && params.has('Signature')
}
