import { parseXml, type XmlNode } from '../../../src/protocol/index.js'
import type { FuzzRequest, FuzzResponse } from './send.js'

/** What the fuzzer allows a request to get back; a 2xx only for a read-only action it signed validly. */
export interface Expectation {
  /** The action whose success envelope is acceptable, when the request may still be valid. */
  readonly mayPassAs?: string
}

/** Why the answer is wrong, or undefined when it is a well-formed AWS answer. */
export function judge(request: FuzzRequest, response: FuzzResponse, expect: Expectation): string | undefined {
  const { status } = response
  if (status >= 500) return `server error ${status}: ${response.body.toString('utf8').slice(0, 300)}`
  const requestId = response.headers['x-amzn-requestid'] ?? response.headers['x-amz-request-id']
  if (typeof requestId !== 'string' || requestId === '') return `status ${status} without a request id header`
  if (request.method === 'HEAD')
    return status >= 400 || expect.mayPassAs ? undefined : `HEAD answered ${status}`
  if (status >= 200 && status < 300) return successProblem(response, expect)
  if (status < 400) return `unexpected status ${status}`
  return errorEnvelopeProblem(response)
}

function successProblem(response: FuzzResponse, expect: Expectation): string | undefined {
  if (expect.mayPassAs === undefined) return `a request that cannot be valid answered ${response.status}`
  const text = response.body.toString('utf8')
  if (text.startsWith('{')) return JSON.parse(text) && undefined
  let root: XmlNode
  try {
    root = parseXml(text)
  } catch {
    return `success body is not XML: ${text.slice(0, 200)}`
  }
  return root.name === `${expect.mayPassAs}Response` ? undefined : `success envelope <${root.name}>`
}

/** The query/XML envelope `<ErrorResponse><Error><Code/><Message/></Error><RequestId/></ErrorResponse>` or the JSON `{ __type, message }`. */
function errorEnvelopeProblem(response: FuzzResponse): string | undefined {
  const text = response.body.toString('utf8')
  if (text.trimStart().startsWith('{')) {
    let json: { __type?: unknown; message?: unknown; Message?: unknown }
    try {
      json = JSON.parse(text)
    } catch {
      return `error body is not JSON: ${text.slice(0, 200)}`
    }
    if (typeof json.__type !== 'string' || json.__type === '')
      return `JSON error without __type: ${text.slice(0, 200)}`
    return undefined
  }
  let root: XmlNode
  try {
    root = parseXml(text)
  } catch {
    return `error body is neither XML nor JSON: ${text.slice(0, 200)}`
  }
  const error =
    root.name === 'ErrorResponse' ? child(root, 'Error') : root.name === 'Error' ? root : undefined
  const code = error && child(error, 'Code')
  if (code === undefined || textOf(code) === '') return `no <Error><Code> in ${text.slice(0, 200)}`
  return undefined
}

function child(node: XmlNode, name: string): XmlNode | undefined {
  return node.children.find((c) => c.name === name)
}

function textOf(node: XmlNode): string {
  return node.text.trim()
}
