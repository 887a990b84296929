import { type OperationModel, resolveShape, type ServiceModel } from '../models/index.js'
import { readJsonInput } from './json.js'
import { matchPath } from './rest-xml.js'
import { readScalar } from './scalars.js'
import type { ErrorToRender, ProtocolError, WireRequest, WireResponse } from './types.js'

/** The content type of `rest-json` responses (the cluster service). */
export const REST_JSON_CONTENT_TYPE = 'application/json'

const bodyText = (body: WireRequest['body']): string =>
  typeof body === 'string' ? body : body ? Buffer.from(body).toString('utf8') : ''

/** Reads a `rest-json` input: body members from the JSON body, then URI labels and query members over them. */
export function readRestJsonInput(
  model: ServiceModel,
  operation: OperationModel,
  wire: WireRequest,
): { readonly input: Record<string, unknown> } | { readonly error: ProtocolError } {
  const read = readJsonInput(model, operation.input, bodyText(wire.body))
  if ('error' in read) return read
  if (!operation.input) return read
  const input: Record<string, unknown> = { ...read.input }
  const labels = matchPath(operation.http.requestUri, wire.path) ?? {}
  const shape = resolveShape(model, operation.input)
  for (const [name, ref] of Object.entries(shape.members ?? {})) {
    const wireName = ref.locationName ?? name
    const text =
      ref.location === 'uri'
        ? labels[wireName]
        : ref.location === 'querystring'
          ? wire.query.get(wireName)
          : undefined
    if (ref.location === 'uri' || ref.location === 'querystring') delete input[name]
    if (text === undefined || text === null) continue
    const scalar = readScalar(resolveShape(model, ref), text)
    if (!scalar.ok) return { error: { code: 'SerializationException', status: 400, message: scalar.message } }
    input[name] = scalar.value
  }
  return { input }
}

/** The JSON body of an operation's output with the operation's status code (201 for creations). */
export function serializeRestJsonResponse(
  model: ServiceModel,
  operationName: string,
  output: Record<string, unknown> | undefined,
  requestId: string,
): WireResponse {
  const operation = model.operations[operationName]
  if (!operation) throw new Error(`${model.metadata.serviceId} has no operation ${operationName}`)
  return {
    status: operation.http.responseCode ?? 200,
    headers: { 'content-type': REST_JSON_CONTENT_TYPE, 'x-amzn-requestid': requestId },
    body: JSON.stringify(output ?? {}),
  }
}

/** An OCM-style error body: `{"kind":"Error","id","code","reason","operation_id"}`, with the HTTP status. */
export function serializeRestJsonError(error: ErrorToRender, requestId: string): WireResponse {
  const body = {
    kind: 'Error',
    id: String(error.status),
    code: error.code,
    reason: error.message,
    operation_id: requestId,
    ...error.fields,
  }
  return {
    status: error.status,
    headers: {
      'content-type': REST_JSON_CONTENT_TYPE,
      'x-amzn-requestid': requestId,
      'x-amzn-errortype': error.code,
    },
    body: JSON.stringify(body),
  }
}
