import type { ProtocolName, ServiceModel, Shape, ShapeRef } from '../models/index.js'
import { resolveShape } from '../models/index.js'
import { EC2_DIALECT } from './ec2.js'
import { serializeEc2Error, serializeEc2Response } from './ec2-serializer.js'
import { readJsonInput, serializeJsonError, serializeJsonResponse } from './json.js'
import { QUERY_DIALECT, readFormParams, readQueryInput } from './query.js'
import { serializeQueryError, serializeQueryResponse } from './query-serializer.js'
import { readRestJsonInput, serializeRestJsonError, serializeRestJsonResponse } from './rest-json.js'
import { MALFORMED_XML, readRestXmlInput } from './rest-xml.js'
import { serializeRestXmlError, serializeRestXmlResponse } from './rest-xml-serializer.js'
import {
  type ErrorToRender,
  type ParseResult,
  parseFailure,
  type WireRequest,
  type WireResponse,
} from './types.js'
import { findViolations, missingRequired, validationMessage } from './validate.js'

export { EC2_DIALECT } from './ec2.js'
export { JSON_CONTENT_TYPE } from './json.js'
export { findJsonOperation, findQueryOperation, type LookupResult, modelledError } from './operations.js'
export { QUERY_DIALECT, type QueryDialect, readFormParams } from './query.js'
export { REDACTED, redactSensitive } from './redact.js'
export { REST_JSON_CONTENT_TYPE } from './rest-json.js'
export { findRestOperation, matchPath } from './rest-xml.js'
export type {
  ErrorToRender,
  OperationMatch,
  ParseResult,
  ProtocolError,
  ProtocolName,
  WireRequest,
  WireResponse,
} from './types.js'
export { findViolations, type Violation, validationMessage } from './validate.js'
export { parseXml, type XmlNode, XmlSyntaxError } from './xml-reader.js'
export { escapeXml, renderXml, type XmlElement } from './xml-writer.js'

const bodyText = (body: WireRequest['body']): string =>
  typeof body === 'string' ? body : body ? Buffer.from(body).toString('utf8') : ''

/** EC2's wire name of a top-level input member, for its MissingParameter message. */
function ec2WireName(model: ServiceModel, shape: Shape, name: string): string {
  const ref = shape.members![name]!
  return EC2_DIALECT.memberKey(name, ref, resolveShape(model, ref))
}

/**
 * rest-xml validation. AWS: Route 53 reports model constraints as InvalidInput with the ValidationError
 * texts; S3 checks few model constraints, and a missing required body is MalformedXML.
 */
function restXmlValidation(
  model: ServiceModel,
  inputRef: ShapeRef | undefined,
  input: Record<string, unknown>,
): ParseResult {
  if (model.metadata.serviceId === 'S3') {
    const shape = inputRef ? resolveShape(model, inputRef) : undefined
    const missingBody =
      shape?.payload && shape.required?.includes(shape.payload) && input[shape.payload] === undefined
    return missingBody ? { ok: false, error: MALFORMED_XML } : { ok: true, input }
  }
  const violations = findViolations(model, inputRef, input)
  if (violations.length > 0) return parseFailure('InvalidInput', 400, validationMessage(violations))
  return { ok: true, input }
}

/**
 * Reads and validates one operation's input from the wire. Pure: never throws for bad input; answers
 * AWS's error (ValidationError, MalformedInput, MissingParameter, SerializationException, …) instead.
 */
export function parseRequest(
  protocol: ProtocolName,
  model: ServiceModel,
  operationName: string,
  wire: WireRequest,
): ParseResult {
  const operation = model.operations[operationName]
  if (!operation) return parseFailure('InvalidAction', 400, `Could not find operation ${operationName}`)
  switch (protocol) {
    case 'query': {
      const read = readQueryInput(
        model,
        operation.input,
        wire.formParams ?? readFormParams(wire.query, wire.body),
        QUERY_DIALECT,
      )
      if (read.error) return { ok: false, error: read.error }
      const violations = findViolations(model, operation.input, read.input)
      if (violations.length > 0) return parseFailure('ValidationError', 400, validationMessage(violations))
      return { ok: true, input: read.input }
    }
    case 'ec2': {
      const read = readQueryInput(
        model,
        operation.input,
        wire.formParams ?? readFormParams(wire.query, wire.body),
        EC2_DIALECT,
      )
      if (read.error) return { ok: false, error: read.error }
      const missing = missingRequired(model, operation.input, read.input)[0]
      if (missing !== undefined) {
        const wireName = ec2WireName(model, resolveShape(model, operation.input!), missing)
        // AWS: EC2 reports the first missing parameter by its wire name, without a final period.
        return parseFailure('MissingParameter', 400, `The request must contain the parameter ${wireName}`)
      }
      return { ok: true, input: read.input }
    }
    case 'json': {
      const read = readJsonInput(model, operation.input, bodyText(wire.body))
      if ('error' in read) return { ok: false, error: read.error }
      const violations = findViolations(model, operation.input, read.input)
      if (violations.length > 0)
        return parseFailure('ValidationException', 400, validationMessage(violations))
      return { ok: true, input: read.input }
    }
    case 'rest-xml': {
      const read = readRestXmlInput(model, operation, wire)
      if ('error' in read) return { ok: false, error: read.error }
      return restXmlValidation(model, operation.input, read.input)
    }
    case 'rest-json': {
      const read = readRestJsonInput(model, operation, wire)
      if ('error' in read) return { ok: false, error: read.error }
      const violations = findViolations(model, operation.input, read.input)
      if (violations.length > 0)
        return parseFailure('ValidationException', 400, validationMessage(violations))
      return { ok: true, input: read.input }
    }
  }
}

/** Serializes an operation's output (keyed by AWS member names) as the protocol's success response. */
export function serializeResponse(
  protocol: ProtocolName,
  model: ServiceModel,
  operationName: string,
  output: Record<string, unknown> | undefined,
  requestId: string,
): WireResponse {
  switch (protocol) {
    case 'query':
      return serializeQueryResponse(model, operationName, output, requestId)
    case 'ec2':
      return serializeEc2Response(model, operationName, output, requestId)
    case 'json':
      return serializeJsonResponse(model, operationName, output, requestId)
    case 'rest-xml':
      return serializeRestXmlResponse(model, operationName, output, requestId)
    case 'rest-json':
      return serializeRestJsonResponse(model, operationName, output, requestId)
  }
}

/** Serializes an error in the protocol's envelope (for S3, `method` HEAD gives an empty body), with the request-id header clients read. */
export function serializeError(
  protocol: ProtocolName,
  model: ServiceModel,
  error: ErrorToRender,
  requestId: string,
  method?: string,
): WireResponse {
  switch (protocol) {
    case 'query':
      return serializeQueryError(model, error, requestId)
    case 'ec2':
      return serializeEc2Error(error, requestId)
    case 'json':
      return serializeJsonError(model, error, requestId)
    case 'rest-xml':
      return serializeRestXmlError(model, error, requestId, method)
    case 'rest-json':
      return serializeRestJsonError(error, requestId)
  }
}
