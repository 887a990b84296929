import { resolveShape, type ServiceModel, type Shape, type ShapeRef } from '../models/index.js'
import { readTimestamp, toDate } from './scalars.js'
import type { ErrorToRender, ProtocolError, WireResponse } from './types.js'

/** The content type of `json` protocol requests and responses (Secrets Manager, CloudTrail). */
export const JSON_CONTENT_TYPE = 'application/x-amz-json-1.1'

class JsonShapeError extends Error {}

function fromJson(model: ServiceModel, shape: Shape, value: unknown, path: string): unknown {
  if (value === null) return undefined
  const fail = (): never => {
    throw new JsonShapeError(`Unexpected value at '${path}': expected ${shape.type}`)
  }
  switch (shape.type) {
    case 'structure': {
      if (typeof value !== 'object' || Array.isArray(value)) return fail()
      const out: Record<string, unknown> = {}
      for (const [name, ref] of Object.entries(shape.members ?? {})) {
        const raw = (value as Record<string, unknown>)[name]
        if (raw === undefined) continue
        const read = fromJson(model, resolveShape(model, ref), raw, path === '' ? name : `${path}.${name}`)
        if (read !== undefined) out[name] = read
      }
      return out
    }
    case 'list': {
      if (!Array.isArray(value)) return fail()
      const member = resolveShape(model, shape.member!)
      return value.map((item, i) => fromJson(model, member, item, `${path}[${i}]`) ?? null)
    }
    case 'map': {
      if (typeof value !== 'object' || Array.isArray(value)) return fail()
      const member = resolveShape(model, shape.value!)
      const entries = Object.entries(value as Record<string, unknown>)
      return Object.fromEntries(
        entries.map(([k, v]) => [k, fromJson(model, member, v, `${path}.${k}`) ?? null]),
      )
    }
    case 'boolean':
      return typeof value === 'boolean' ? value : fail()
    case 'integer':
    case 'long':
      return typeof value === 'number' && Number.isInteger(value) ? value : fail()
    case 'float':
    case 'double':
      return typeof value === 'number' ? value : fail()
    case 'timestamp':
      return (
        (typeof value === 'number' || typeof value === 'string' ? readTimestamp(String(value)) : undefined) ??
        fail()
      )
    case 'blob':
      return typeof value === 'string' ? Uint8Array.from(Buffer.from(value, 'base64')) : fail()
    default:
      return typeof value === 'string' ? value : fail()
  }
}

/** Reads a `json` protocol body into an input keyed by member names; SerializationException when it does not fit. */
export function readJsonInput(
  model: ServiceModel,
  inputRef: ShapeRef | undefined,
  body: string,
): { readonly input: Record<string, unknown> } | { readonly error: ProtocolError } {
  let parsed: unknown
  try {
    parsed = body.trim() === '' ? {} : JSON.parse(body)
  } catch {
    return {
      error: { code: 'SerializationException', status: 400, message: 'The request body is not valid JSON.' },
    }
  }
  if (!inputRef) return { input: {} }
  try {
    const input = fromJson(model, resolveShape(model, inputRef), parsed, '') as
      | Record<string, unknown>
      | undefined
    return { input: input ?? {} }
  } catch (error) {
    if (error instanceof JsonShapeError)
      return { error: { code: 'SerializationException', status: 400, message: error.message } }
    throw error
  }
}

function toJson(model: ServiceModel, shape: Shape, value: unknown): unknown {
  switch (shape.type) {
    case 'structure': {
      const record = value as Record<string, unknown>
      const out: Record<string, unknown> = {}
      for (const [name, ref] of Object.entries(shape.members ?? {})) {
        const member = record[name]
        if (member !== undefined && member !== null)
          out[name] = toJson(model, resolveShape(model, ref), member)
      }
      return out
    }
    case 'list': {
      const member = resolveShape(model, shape.member!)
      return (value as unknown[]).map((item) => toJson(model, member, item))
    }
    case 'map': {
      const member = resolveShape(model, shape.value!)
      const entries = Object.entries(value as Record<string, unknown>)
      return Object.fromEntries(entries.map(([k, v]) => [k, toJson(model, member, v)]))
    }
    case 'timestamp':
      // AWS: json services send epoch seconds, with a fraction when there are milliseconds.
      return toDate(value).getTime() / 1000
    case 'blob':
      return typeof value === 'string' ? value : Buffer.from(value as Uint8Array).toString('base64')
    default:
      return value
  }
}

const jsonHeaders = (requestId: string): Record<string, string> => ({
  'content-type': JSON_CONTENT_TYPE,
  'x-amzn-requestid': requestId,
})

/** The JSON body of an operation's output, members in model order. */
export function serializeJsonResponse(
  model: ServiceModel,
  operationName: string,
  output: Record<string, unknown> | undefined,
  requestId: string,
): WireResponse {
  const operation = model.operations[operationName]
  if (!operation) throw new Error(`${model.metadata.serviceId} has no operation ${operationName}`)
  const body = operation.output ? toJson(model, resolveShape(model, operation.output), output ?? {}) : {}
  return { status: 200, headers: jsonHeaders(requestId), body: JSON.stringify(body) }
}

/** `{"__type":"Code","Message":"…"}`; the message key follows the error shape (`Message` or `message`). */
export function serializeJsonError(
  model: ServiceModel,
  error: ErrorToRender,
  requestId: string,
): WireResponse {
  const shape = model.shapes[error.code]
  const messageKey = shape?.members && 'message' in shape.members ? 'message' : 'Message'
  const body = { __type: error.code, [messageKey]: error.message, ...error.fields }
  return { status: error.status, headers: jsonHeaders(requestId), body: JSON.stringify(body) }
}
