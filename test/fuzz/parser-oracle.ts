import assert from 'node:assert/strict'
import { MODELS } from '../../src/models/index.js'
import { parseRequest, type WireRequest } from '../../src/protocol/index.js'

/** The protocols whose request parsers are fuzzed. */
export type FuzzedProtocol = 'query' | 'ec2' | 'json' | 'rest-xml'

/** One operation under fuzzing: its model, and where its labels and subresource go on the wire. */
export interface Target {
  readonly protocol: FuzzedProtocol
  readonly service: keyof typeof MODELS
  readonly operation: string
  readonly path?: string
  readonly query?: string
  readonly headers?: Readonly<Record<string, string>>
}

/**
 * The parser's contract on any input: it returns (never throws), a refusal is a 4xx with an AWS-style code and a
 * message, and an accepted input is plain data that serializes.
 */
export function checkParse(target: Target, body: string, query = target.query ?? ''): void {
  const wire: WireRequest = {
    method: 'POST',
    path: target.path ?? '/',
    query: new URLSearchParams(query),
    headers: target.headers ?? {},
    body,
  }
  let result: ReturnType<typeof parseRequest>
  try {
    result = parseRequest(target.protocol, MODELS[target.service], target.operation, wire)
  } catch (error) {
    throw new Error(`${target.operation} threw ${(error as Error)?.stack ?? String(error)}`)
  }
  if (result.ok) {
    assert.doesNotThrow(() =>
      JSON.stringify(result.input, (_key, value) => (value instanceof Uint8Array ? [] : value)),
    )
    return
  }
  const { code, status, message } = result.error
  assert.ok(status >= 400 && status < 500, `${target.operation}: status ${status} (${code}: ${message})`)
  assert.match(code, /^[A-Z][A-Za-z.]+$/, `${target.operation}: code ${code}`)
  assert.equal(typeof message, 'string')
}
