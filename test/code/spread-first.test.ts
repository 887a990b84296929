import assert from 'node:assert/strict'
import { readdir, readFile } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { describe, it } from 'node:test'
import { fileURLToPath } from 'node:url'
import ts from 'typescript'

const SRC = fileURLToPath(new URL('../../src/', import.meta.url))

/**
 * On Node 20 (V8 11), optimized code gives an object literal that starts with a spread and has more members
 * (`{ ...a, k }`, `{ ...a, ...b }`) a new hidden class on every call: about 1 µs per further member, and every
 * reader of those objects goes megamorphic. `{ k, ...a }`, `{ ...a }` and Object.assign keep one.
 */
function spreadFirstLiterals(file: string, text: string): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX)
  const found: string[] = []
  const visit = (node: ts.Node): void => {
    if (
      ts.isObjectLiteralExpression(node) &&
      node.properties.length > 1 &&
      ts.isSpreadAssignment(node.properties[0]!)
    ) {
      const { line } = source.getLineAndCharacterOfPosition(node.getStart())
      found.push(`${relative(SRC, file)}:${line + 1}`)
    }
    ts.forEachChild(node, visit)
  }
  visit(source)
  return found
}

async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true })
  return entries
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts'))
    .map((entry) => join(entry.parentPath, entry.name))
}

describe('code: no object literal starts with a spread and goes on with more members', () => {
  it('the scanner finds the shapes it forbids and passes the ones V8 keeps fast', () => {
    const sample = [
      'const a = { ...x, k: 1 }',
      'const b = { ...x, ...y }',
      'const c = { ...(p ? { k } : {}), m }',
      'const ok1 = { k: 1, ...x }',
      'const ok2 = { ...x }',
      'const ok3 = Object.assign({}, x, { k: 1 })',
    ].join('\n')
    assert.deepEqual(spreadFirstLiterals(join(SRC, 'sample.ts'), sample), [
      'sample.ts:1',
      'sample.ts:2',
      'sample.ts:3',
    ])
  })

  it('src has none', async () => {
    const found: string[] = []
    for (const file of await sourceFiles(SRC))
      found.push(...spreadFirstLiterals(file, await readFile(file, 'utf8')))
    assert.deepEqual(found, [])
  })
})
