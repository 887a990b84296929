import { AwsError } from '../../kernel/aws-error.js'
import type { ServiceModel } from '../../models/index.js'
import {
  findJsonOperation,
  findQueryOperation,
  findRestOperation,
  type LookupResult,
} from '../../protocol/index.js'
import type { Exchange } from '../exchange.js'
import type { Step } from '../step.js'
import { wireRequest } from './wire-request.js'

/** Finds the operation: `Action` and `Version` for query and ec2, `X-Amz-Target` for json, method and path for rest-xml and rest-json. */
export const resolveOperation: Step = {
  name: 'resolveOperation',
  run(exchange, env) {
    const service = exchange.service!
    const siblings = env.services.get(service.signingName) ?? [service]
    const models = siblings.map((s) => s.model)
    const protocol = service.model.metadata.protocol
    const found =
      protocol === 'json'
        ? findJsonOperation(models, headerOf(exchange.request.headers['x-amz-target']))
        : protocol === 'rest-xml' || protocol === 'rest-json'
          ? findRestXml(service.model, exchange)
          : findQueryOperation(models, exchange.params ?? new Map())
    if (!found.ok) throw new AwsError(found.error.code, found.error.status, found.error.message)
    const owner = siblings.find((s) => s.model === found.model) ?? service
    const name = found.operation.name
    const operation = owner.operations[name]
    if (operation === undefined) {
      // AWS: an operation the model knows but this server does not implement.
      throw new AwsError('InvalidAction', 400, `The action ${name} is not valid for this web service.`)
    }
    exchange.service = owner
    exchange.model = found.model
    exchange.operationName = name
    exchange.operation = operation
  },
}

function headerOf(value: string | readonly string[] | undefined): string | undefined {
  return typeof value === 'string' ? value : value?.[0]
}

/** The rest-xml operation whose method, path template, query literals and required members fit the request. */
function findRestXml(model: ServiceModel, exchange: Exchange): LookupResult {
  const operation = findRestOperation(model, wireRequest(exchange))
  if (operation !== undefined) return { ok: true, model, operation }
  // AWS: Route 53 and S3 answer a method and path no operation takes with 405 MethodNotAllowed.
  return {
    ok: false,
    error: {
      code: 'MethodNotAllowed',
      status: 405,
      message: 'The specified method is not allowed against this resource.',
    },
  }
}
