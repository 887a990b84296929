import type { ServiceModel } from '../models/index.js'
import { outputChildren, XML_CONTENT_TYPE } from './query-serializer.js'
import { formatIso } from './scalars.js'
import type { ErrorToRender, WireResponse } from './types.js'
import type { XmlWriteOptions } from './xml-shape.js'
import { renderXml, textElement, XML_DECLARATION, type XmlElement } from './xml-writer.js'

/** AWS: EC2 writes timestamps as ISO-8601 UTC with milliseconds (`2026-11-28T10:00:00.000Z`). */
const EC2_OPTIONS: XmlWriteOptions = { timestamp: (value) => formatIso(value, 'always') }

/**
 * `<{Op}Response xmlns><requestId>…</requestId>…members…</{Op}Response>`: no Result wrapper, lowerCamel
 * locationNames and `<item>` lists from the model. AWS: an operation without output answers `<return>true</return>`.
 */
export function serializeEc2Response(
  model: ServiceModel,
  operationName: string,
  output: Record<string, unknown> | undefined,
  requestId: string,
): WireResponse {
  const operation = model.operations[operationName]
  if (!operation) throw new Error(`EC2 has no operation ${operationName}`)
  const members = operation.output
    ? outputChildren(model, operationName, operation.output, output, EC2_OPTIONS)
    : [textElement('return', 'true')]
  const root: XmlElement = {
    name: `${operationName}Response`,
    attributes: { xmlns: model.metadata.xmlNamespace ?? '' },
    children: [textElement('requestId', requestId), ...members],
  }
  return {
    status: 200,
    headers: { 'content-type': XML_CONTENT_TYPE, 'x-amzn-requestid': requestId },
    body: renderXml(root),
  }
}

/** `<Response><Errors><Error><Code/><Message/></Error></Errors><RequestID/></Response>` as EC2 sends it. */
export function serializeEc2Error(error: ErrorToRender, requestId: string): WireResponse {
  const root: XmlElement = {
    name: 'Response',
    children: [
      {
        name: 'Errors',
        children: [
          {
            name: 'Error',
            children: [textElement('Code', error.code), textElement('Message', error.message)],
          },
        ],
      },
      textElement('RequestID', requestId),
    ],
  }
  return {
    status: error.status,
    headers: { 'content-type': XML_CONTENT_TYPE, 'x-amzn-requestid': requestId },
    body: `${XML_DECLARATION}\n${renderXml(root)}`,
  }
}
