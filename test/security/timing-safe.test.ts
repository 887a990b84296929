import assert from 'node:assert/strict'
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, it } from 'node:test'
import { fileURLToPath } from 'node:url'
import { signaturesEqual } from '../../src/sigv4/hash.js'

const SIGV4 = fileURLToPath(new URL('../../src/sigv4/', import.meta.url))

describe('security: SigV4 signatures are compared in constant time', () => {
  it('signaturesEqual is crypto.timingSafeEqual, also when the lengths differ', async () => {
    const source = await readFile(join(SIGV4, 'hash.ts'), 'utf8')
    const body = /export function signaturesEqual[\s\S]*?\n}\n/.exec(source)?.[0] ?? ''
    assert.match(source, /import \{[^}]*\btimingSafeEqual\b[^}]*\} from 'node:crypto'/)
    assert.equal(body.match(/timingSafeEqual\(/g)?.length, 2, body)
    // Only the lengths are compared directly; the bytes never are.
    assert.doesNotMatch(body, /\b(a|b|expected|provided)\s*[!=]==\s*(a|b|expected|provided)\b|\.equals\(/)
    const signature = 'a'.repeat(64)
    assert.equal(signaturesEqual(signature, signature), true)
    assert.equal(signaturesEqual(signature, `${'a'.repeat(63)}b`), false)
    assert.equal(signaturesEqual(signature, 'a'.repeat(63)), false)
    assert.equal(signaturesEqual(signature, ''), false)
  })

  it('every place src/sigv4 checks a signature (request, chunks, trailer) goes through signaturesEqual', async () => {
    const files = (await readdir(SIGV4)).filter((name) => name.endsWith('.ts') && name !== 'hash.ts')
    let checks = 0
    for (const name of files) {
      const source = await readFile(join(SIGV4, name), 'utf8')
      checks += source.match(/signaturesEqual\(/g)?.length ?? 0
      // No signature is compared with an ordinary string comparison (a check against undefined is no comparison).
      const compared =
        source.match(/\w*[Ss]ignature\w*\s*[!=]==\s*[\w.]+|[\w.]+\s*[!=]==\s*[\w.]*[Ss]ignature\b/g) ?? []
      assert.deepEqual(
        compared.filter((text) => !/\bundefined\b/.test(text)),
        [],
        name,
      )
    }
    assert.ok(checks >= 3, `signaturesEqual is called ${checks} times`)
  })
})
