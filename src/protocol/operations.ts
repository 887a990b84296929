import type { ServiceModel } from '../models/index.js'
import type { OperationMatch, ProtocolError } from './types.js'

/** A found operation, or the AWS error for the request that named none. */
export type LookupResult =
  | ({ readonly ok: true } & OperationMatch)
  | { readonly ok: false; readonly error: ProtocolError }

/**
 * Finds a query/ec2 operation by `Action` and `Version` among the models that share a signing name
 * (`elasticloadbalancing` is ELB for 2012-06-01 and ELBv2 for 2015-12-01).
 */
export function findQueryOperation(
  models: readonly ServiceModel[],
  params: ReadonlyMap<string, string>,
): LookupResult {
  const action = params.get('Action')
  if (!action) {
    return { ok: false, error: { code: 'MissingAction', status: 400, message: 'Missing Action' } }
  }
  const version = params.get('Version')
  const candidates = version ? models.filter((m) => m.metadata.apiVersion === version) : models
  for (const model of candidates) {
    const operation = model.operations[action]
    if (operation) return { ok: true, model, operation }
  }
  // AWS: an unknown action is InvalidAction with this text.
  const message = `Could not find operation ${action} for version ${version ?? 'NO_VERSION_SPECIFIED'}`
  return { ok: false, error: { code: 'InvalidAction', status: 400, message } }
}

/**
 * AWS: json services take the full target prefix (`com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101`, as
 * botocore sends it) or its last segment, the Smithy service name (`CloudTrail_20131101`, as the SDK v3 sends it).
 */
function targetsModel(model: ServiceModel, prefix: string): boolean {
  const full = model.metadata.targetPrefix
  if (full === undefined) return false
  return full === prefix || full.slice(full.lastIndexOf('.') + 1) === prefix
}

/** Finds a json operation from `X-Amz-Target: <targetPrefix>.<Operation>`. */
export function findJsonOperation(models: readonly ServiceModel[], target: string | undefined): LookupResult {
  const dot = target?.lastIndexOf('.') ?? -1
  if (!target || dot === -1) {
    return { ok: false, error: { code: 'UnknownOperationException', status: 400, message: '' } }
  }
  const prefix = target.slice(0, dot)
  const name = target.slice(dot + 1)
  for (const model of models) {
    const operation = targetsModel(model, prefix) ? model.operations[name] : undefined
    if (operation) return { ok: true, model, operation }
  }
  return { ok: false, error: { code: 'UnknownOperationException', status: 400, message: '' } }
}

/** The wire code and HTTP status a model gives an error shape (e.g. `NoSuchEntityException` → `NoSuchEntity`, 404). */
export function modelledError(
  model: ServiceModel,
  shapeName: string,
): { readonly code: string; readonly status: number; readonly fault: 'Sender' | 'Receiver' } | undefined {
  const shape = model.shapes[shapeName]
  if (!shape?.exception) return undefined
  const status = shape.error?.httpStatusCode ?? (shape.fault ? 500 : 400)
  const fault = shape.fault || status >= 500 ? 'Receiver' : 'Sender'
  // AWS: query services send the awsQueryError code; the other protocols send the shape name.
  const code = model.metadata.protocol === 'query' ? (shape.error?.code ?? shapeName) : shapeName
  return { code, status, fault }
}
