import assert from 'node:assert/strict'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, it } from 'node:test'
import { MODELS, type ModelName, type ProtocolName } from '../../src/models/index.js'
import {
  type ErrorToRender,
  findRestOperation,
  parseRequest,
  serializeError,
  serializeResponse,
  type WireResponse,
} from '../../src/protocol/index.js'

/** One protocol conformance case: a wire form and the object it means, or an object and its exact wire form. */
interface ProtocolCase {
  readonly name: string
  readonly kind: 'parse' | 'serialize' | 'error' | 'route'
  readonly protocol: ProtocolName
  readonly model: ModelName
  readonly operation?: string
  readonly skip?: string
  readonly wire?: {
    readonly method?: string
    readonly path?: string
    readonly body?: string
    readonly query?: string
    readonly headers?: Record<string, string>
  }
  readonly output?: Record<string, unknown>
  readonly error?: ErrorToRender
  readonly requestId?: string
  readonly expected: {
    readonly operation?: string | null
    readonly ok?: boolean
    readonly input?: unknown
    readonly error?: unknown
    readonly status?: number
    readonly headers?: Record<string, string>
    readonly body?: string | Record<string, unknown>
  }
}

const DIR = join(import.meta.dirname, '..', 'conformance', 'protocol')

/** Dates as ISO strings and blobs as base64, so parsed inputs compare with JSON data. */
function normalize(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString()
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64')
  if (Array.isArray(value)) return value.map(normalize)
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normalize(v)]))
  }
  return value
}

function checkResponse(actual: WireResponse, expected: ProtocolCase['expected']): void {
  if (expected.status !== undefined) assert.equal(actual.status, expected.status)
  for (const [name, value] of Object.entries(expected.headers ?? {}))
    assert.equal(actual.headers[name], value)
  if (typeof expected.body === 'string') assert.equal(actual.body, expected.body)
  else if (expected.body) assert.deepEqual(JSON.parse(actual.body), expected.body)
}

function run(c: ProtocolCase): void {
  const model = MODELS[c.model]
  const requestId = c.requestId ?? 'req-1'
  const wire = {
    method: c.wire?.method ?? 'POST',
    path: c.wire?.path ?? '/',
    query: new URLSearchParams(c.wire?.query ?? ''),
    headers: c.wire?.headers ?? {},
    body: c.wire?.body ?? '',
  }
  if (c.kind === 'route') {
    assert.equal(findRestOperation(model, wire)?.name ?? null, c.expected.operation)
  } else if (c.kind === 'parse') {
    const result = parseRequest(c.protocol, model, c.operation!, wire)
    if (c.expected.ok === false) {
      assert.equal(result.ok, false, 'expected the request to be rejected')
      if (!result.ok) assert.deepEqual(result.error, c.expected.error)
    } else {
      assert.ok(result.ok, result.ok ? '' : `rejected: ${JSON.stringify(result.error)}`)
      assert.deepEqual(normalize(result.input), c.expected.input)
    }
  } else if (c.kind === 'serialize') {
    checkResponse(serializeResponse(c.protocol, model, c.operation!, c.output, requestId), c.expected)
  } else {
    checkResponse(serializeError(c.protocol, model, c.error!, requestId, c.wire?.method), c.expected)
  }
}

const files = readdirSync(DIR)
  .filter((f) => f.endsWith('.json'))
  .sort()

for (const file of files) {
  const { cases } = JSON.parse(readFileSync(join(DIR, file), 'utf8')) as { cases: ProtocolCase[] }
  describe(`protocol conformance: ${file}`, () => {
    for (const c of cases) {
      if (c.skip) {
        console.log(`skipped ${file}: ${c.name}: ${c.skip}`)
        it(c.name, { skip: c.skip }, () => {})
      } else it(c.name, () => run(c))
    }
  })
}

describe('protocol conformance: files', () => {
  it('finds case files', () => assert.ok(files.length > 0))
})
