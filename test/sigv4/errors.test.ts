import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { parseSigV4, type ReceivedRequest, verifySigV4 } from '../../src/sigv4/index.js'
import { loadCase, loadFolder, received } from './cases.js'

interface ErrorCase {
  name: string
  base: string
  s3?: boolean
  now?: string
  secretAccessKey?: string
  options?: { region?: string; service?: string }
  patch?: {
    headers?: Record<string, string>
    removeHeaders?: string[]
    authorization?: string
    path?: string
    query?: string
    body?: string
  }
  expected: { ok: true } | { code: string; status: number; message: string; unsigned?: boolean }
  skip?: string
}

/** The base request with the case's changes applied. */
function patched(c: ErrorCase): { request: ReceivedRequest; base: ReturnType<typeof loadCase> } {
  const base = loadCase(c.base)
  const request = received(base)
  const headers: Record<string, string | readonly string[] | undefined> = {
    ...request.headers,
    ...c.patch?.headers,
  }
  if (c.patch?.authorization !== undefined) headers.authorization = c.patch.authorization
  for (const name of c.patch?.removeHeaders ?? []) delete headers[name]
  return {
    base,
    request: {
      ...request,
      headers,
      path: c.patch?.path ?? request.path,
      query: c.patch?.query ?? request.query,
      body: c.patch?.body === undefined ? request.body : new TextEncoder().encode(c.patch.body),
    },
  }
}

for (const { file, data } of loadFolder<{ cases: ErrorCase[] }>('errors')) {
  describe(`sigv4 refusals: ${file}`, () => {
    for (const c of data.cases) {
      it(c.name, c.skip === undefined ? {} : { skip: c.skip }, () => {
        const { request, base } = patched(c)
        const now = new Date(c.now ?? base.now)
        const parsed = parseSigV4(request, c.s3 === undefined ? {} : { s3: c.s3 })
        const result = parsed.ok
          ? verifySigV4(
              request,
              parsed,
              c.secretAccessKey ?? base.credentials.secretAccessKey,
              now,
              undefined,
              c.options,
            )
          : parsed
        if ('ok' in c.expected) {
          assert.ok(result.ok, `expected success, got ${JSON.stringify(result)}`)
          return
        }
        assert.equal(result.ok, false, 'expected a refusal')
        if (result.ok) return
        assert.deepEqual(
          { code: result.code, status: result.status, message: result.message, unsigned: result.unsigned },
          { unsigned: undefined, ...c.expected },
        )
      })
    }
  })
}
