import { resolveShape, type ServiceModel, type Shape, type ShapeRef } from '../models/index.js'
import { formatIso } from './scalars.js'
import type { ErrorToRender, WireResponse } from './types.js'
import { memberElementName, structureContent, type XmlWriteOptions } from './xml-shape.js'
import { renderXml, textElement, type XmlElement } from './xml-writer.js'

/** AWS: query services write timestamps as ISO-8601 UTC with `Z`, milliseconds only when set. */
const QUERY_OPTIONS: XmlWriteOptions = {
  timestamp: (value, ref, shape) => {
    const format = ref.timestampFormat ?? shape.timestampFormat
    if (format === 'unixTimestamp')
      return String(Math.floor(new Date(formatIso(value, 'always')).getTime() / 1000))
    return formatIso(value, 'when-set')
  },
}

/** The XML content type every query and ec2 response is sent with. */
export const XML_CONTENT_TYPE = 'text/xml'

/**
 * The children of an output structure. For List and Describe operations, a top-level non-flattened list
 * that the handler left out is written as an empty wrapper: clients read a missing `<Roles/>` as "no key
 * at all" (the CLI prints nothing).
 */
export function outputChildren(
  model: ServiceModel,
  operationName: string,
  outputRef: ShapeRef | undefined,
  output: Record<string, unknown> | undefined,
  options: XmlWriteOptions,
): XmlElement[] {
  if (!outputRef) return []
  const shape = resolveShape(model, outputRef)
  const listsResult = operationName.startsWith('List') || operationName.startsWith('Describe')
  const { children } = structureContent(
    model,
    shape,
    listsResult ? withEmptyLists(model, shape, output) : (output ?? {}),
    options,
  )
  return children
}

/** The output with an empty list for each absent non-flattened list member: a List/Describe result shows `<Roles/>`. */
function withEmptyLists(
  model: ServiceModel,
  shape: Shape,
  output: Record<string, unknown> | undefined,
): Record<string, unknown> {
  const filled: Record<string, unknown> = { ...output }
  for (const [name, ref] of Object.entries(shape.members ?? {})) {
    const target: Shape = resolveShape(model, ref)
    const flattened = ref.flattened || target.flattened
    if (target.type === 'list' && !flattened && filled[name] === undefined) filled[name] = []
  }
  return filled
}

/** The names an element gets from a member (exported for the ec2 serializer and tests). */
export { memberElementName }

/** `<{Op}Response xmlns><{Op}Result>…</{Op}Result><ResponseMetadata><RequestId>…` as AWS's query services send it. */
export function serializeQueryResponse(
  model: ServiceModel,
  operationName: string,
  output: Record<string, unknown> | undefined,
  requestId: string,
): WireResponse {
  const operation = model.operations[operationName]
  if (!operation) throw new Error(`${model.metadata.serviceId} has no operation ${operationName}`)
  const children: XmlElement[] = []
  if (operation.output) {
    const wrapper = operation.output.resultWrapper ?? `${operationName}Result`
    children.push({
      name: wrapper,
      children: outputChildren(model, operationName, operation.output, output, QUERY_OPTIONS),
    })
  }
  children.push({ name: 'ResponseMetadata', children: [textElement('RequestId', requestId)] })
  const root: XmlElement = {
    name: `${operationName}Response`,
    attributes: { xmlns: model.metadata.xmlNamespace ?? '' },
    children,
  }
  return {
    status: 200,
    headers: { 'content-type': XML_CONTENT_TYPE, 'x-amzn-requestid': requestId },
    body: renderXml(root),
  }
}

/** `<ErrorResponse xmlns><Error><Type/><Code/><Message/></Error><RequestId/></ErrorResponse>`. */
export function serializeQueryError(
  model: ServiceModel,
  error: ErrorToRender,
  requestId: string,
): WireResponse {
  const fault = error.fault ?? (error.status >= 500 ? 'Receiver' : 'Sender')
  const details: XmlElement[] = [
    textElement('Type', fault),
    textElement('Code', error.code),
    textElement('Message', error.message),
    ...Object.entries(error.fields ?? {}).map(([name, text]) => textElement(name, text)),
  ]
  const root: XmlElement = {
    name: 'ErrorResponse',
    attributes: { xmlns: model.metadata.xmlNamespace ?? '' },
    children: [{ name: 'Error', children: details }, textElement('RequestId', requestId)],
  }
  return {
    status: error.status,
    headers: { 'content-type': XML_CONTENT_TYPE, 'x-amzn-requestid': requestId },
    body: renderXml(root),
  }
}
