import { resolveShape, type ServiceModel, type Shape, type ShapeRef } from '../models/index.js'
import { outputChildren } from './query-serializer.js'
import { formatHttpDate, formatIso, formatScalar } from './scalars.js'
import type { ErrorToRender, WireResponse } from './types.js'
import { structureContent, type XmlWriteOptions } from './xml-shape.js'
import { renderXml, textElement, XML_DECLARATION, type XmlElement } from './xml-writer.js'

/** AWS: S3 and Route 53 write body timestamps as ISO-8601 with milliseconds. */
const REST_XML_OPTIONS: XmlWriteOptions = { timestamp: (value) => formatIso(value, 'always') }

const isS3 = (model: ServiceModel): boolean => model.metadata.serviceId === 'S3'

/** Request-id headers: S3 sends x-amz-request-id and x-amz-id-2; other services x-amzn-RequestId. */
function requestIdHeaders(model: ServiceModel, requestId: string): Record<string, string> {
  return isS3(model)
    ? { 'x-amz-request-id': requestId, 'x-amz-id-2': requestId }
    : { 'x-amzn-requestid': requestId }
}

function headerText(ref: ShapeRef, shape: Shape, value: unknown): string {
  const format = ref.timestampFormat ?? shape.timestampFormat
  return formatScalar(shape, value, (v) =>
    format === 'iso8601' ? formatIso(v, 'when-set') : formatHttpDate(v),
  )
}

function xmlDocument(root: XmlElement): string {
  return `${XML_DECLARATION}\n${renderXml(root)}`
}

/** A response with an XML body; `headers` is the response's own object, so the content type is set on it. */
function xmlResponse(
  status: number,
  headers: Record<string, string>,
  contentType: string,
  root: XmlElement,
): WireResponse {
  headers['content-type'] = contentType
  return { status, headers, body: xmlDocument(root) }
}

function withNamespace(model: ServiceModel, ref: ShapeRef | undefined): Record<string, string> | undefined {
  const uri = ref?.xmlNamespace?.uri ?? model.metadata.xmlNamespace
  return uri ? { xmlns: uri } : undefined
}

/**
 * A rest-xml success response: status from the model (or a statusCode member), header members as headers,
 * the payload member (raw for blobs and strings, XML for structures) or the other members under a root
 * element named by the output's locationName (S3's root names are model patches). A blob or streaming
 * payload is returned in `payload` for the server to write.
 */
export function serializeRestXmlResponse(
  model: ServiceModel,
  operationName: string,
  output: Record<string, unknown> | undefined,
  requestId: string,
): WireResponse {
  const operation = model.operations[operationName]
  if (!operation) throw new Error(`${model.metadata.serviceId} has no operation ${operationName}`)
  let status = operation.http.responseCode ?? 200
  const headers: Record<string, string> = requestIdHeaders(model, requestId)
  if (!operation.output) return { status, headers, body: '' }
  const shape = resolveShape(model, operation.output)
  const values = output ?? {}
  let hasBodyMembers = false
  for (const [name, ref] of Object.entries(shape.members ?? {})) {
    const value = values[name]
    if (!ref.location) hasBodyMembers ||= name !== shape.payload
    if (value === undefined || value === null) continue
    const target = resolveShape(model, ref)
    const wireName = ref.locationName ?? name
    if (ref.location === 'header') headers[wireName.toLowerCase()] = headerText(ref, target, value)
    else if (ref.location === 'headers') {
      for (const [key, text] of Object.entries(value as Record<string, string>))
        headers[`${wireName}${key}`] = text
    } else if (ref.location === 'statusCode') status = Number(value)
  }
  // AWS: S3 answers a ranged GetObject with 206 Partial Content; the model has no status member for it.
  if (isS3(model) && operationName === 'GetObject' && values.ContentRange !== undefined) status = 206
  if (shape.payload) {
    const ref = shape.members![shape.payload]!
    const target = resolveShape(model, ref)
    const value = values[shape.payload]
    if (value === undefined || value === null) return { status, headers, body: '' }
    if (target.type === 'structure') {
      const { children, attributes } = structureContent(
        model,
        target,
        value as Record<string, unknown>,
        REST_XML_OPTIONS,
      )
      const name = ref.locationName ?? target.locationName ?? shape.payload
      const root = { name, attributes: Object.assign({}, withNamespace(model, ref), attributes), children }
      return xmlResponse(status, headers, 'application/xml', root)
    }
    if (ref.locationName && target.type === 'string') {
      // A patched text root, e.g. GetBucketLocation's <LocationConstraint xmlns=…>eu-west-1</LocationConstraint>.
      const root = {
        name: ref.locationName,
        attributes: withNamespace(model, undefined) ?? {},
        text: String(value),
      }
      return xmlResponse(status, headers, 'application/xml', root)
    }
    if (typeof value === 'string') return { status, headers, body: value }
    if (value instanceof Uint8Array) return { status, headers, body: '', payload: value }
    return { status, headers, body: '' }
  }
  if (!hasBodyMembers) return { status, headers, body: '' }
  const children = outputChildren(model, operationName, operation.output, values, REST_XML_OPTIONS)
  const name = operation.output.locationName ?? shape.locationName ?? operation.output.shape
  const root = { name, attributes: withNamespace(model, operation.output) ?? {}, children }
  return xmlResponse(status, headers, 'application/xml', root)
}

/**
 * S3: `<Error><Code/><Message/>…fields…<RequestId/><HostId/></Error>` (no body for HEAD requests);
 * Route 53: the `<ErrorResponse>` envelope of the query services.
 */
export function serializeRestXmlError(
  model: ServiceModel,
  error: ErrorToRender,
  requestId: string,
  method?: string,
): WireResponse {
  const headers = requestIdHeaders(model, requestId)
  const fields = Object.entries(error.fields ?? {}).map(([name, text]) => textElement(name, text))
  if (isS3(model)) {
    if (method?.toUpperCase() === 'HEAD') return { status: error.status, headers, body: '' }
    const root: XmlElement = {
      name: 'Error',
      children: [
        textElement('Code', error.code),
        textElement('Message', error.message),
        ...fields,
        textElement('RequestId', requestId),
        textElement('HostId', requestId),
      ],
    }
    return xmlResponse(error.status, headers, 'application/xml', root)
  }
  const fault = error.fault ?? (error.status >= 500 ? 'Receiver' : 'Sender')
  const root: XmlElement = {
    name: 'ErrorResponse',
    attributes: withNamespace(model, undefined) ?? {},
    children: [
      {
        name: 'Error',
        children: [
          textElement('Type', fault),
          textElement('Code', error.code),
          textElement('Message', error.message),
          ...fields,
        ],
      },
      textElement('RequestId', requestId),
    ],
  }
  return xmlResponse(error.status, headers, 'text/xml', root)
}
