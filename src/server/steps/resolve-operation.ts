import { AwsError } from '../../kernel/aws-error.js'
import { findJsonOperation, findQueryOperation } from '../../protocol/index.js'
import type { Step } from '../step.js'

/** Finds the operation: `Action` and `Version` for query and ec2, `X-Amz-Target` for json. */
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
