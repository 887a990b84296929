import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, it } from 'node:test'
import { MODEL_SOURCES } from '../../scripts/model-scope.js'
import { MODELS, type ModelName, type Shape, type ShapeRef } from '../../src/models/index.js'

const MODELS_DIR = join(import.meta.dirname, '..', '..', 'src', 'models')

function refsOf(shape: Shape): ShapeRef[] {
  return [
    ...Object.values(shape.members ?? {}),
    ...(shape.member ? [shape.member] : []),
    ...(shape.key ? [shape.key] : []),
    ...(shape.value ? [shape.value] : []),
  ]
}

describe('committed models', () => {
  for (const [name, source] of Object.entries(MODEL_SOURCES)) {
    const model = MODELS[name as ModelName]
    describe(name, () => {
      it('holds exactly the operations in scope', () => {
        assert.deepEqual(Object.keys(model.operations).sort(), [...source.operations].sort())
        assert.equal(model.metadata.apiVersion, source.version)
      })
      it('holds every shape its operations reach and no other', () => {
        const reached = new Set<string>()
        const pending = Object.values(model.operations).flatMap((op) => [
          ...(op.input ? [op.input.shape] : []),
          ...(op.output ? [op.output.shape] : []),
          ...(op.errors ?? []).map((e) => e.shape),
        ])
        while (pending.length > 0) {
          const shapeName = pending.pop()!
          if (reached.has(shapeName)) continue
          const shape = model.shapes[shapeName]
          assert.ok(shape, `${shapeName} is referenced but missing`)
          reached.add(shapeName)
          pending.push(...refsOf(shape).map((r) => r.shape))
        }
        assert.deepEqual([...reached].sort(), Object.keys(model.shapes).sort())
      })
      it('carries no documentation strings', () => {
        const text = readFileSync(join(MODELS_DIR, `${name}.json`), 'utf8')
        assert.ok(!text.includes('"documentation"'))
      })
    })
  }

  it('has the hand fixes of model-patches.json applied', () => {
    const patches = JSON.parse(readFileSync(join(MODELS_DIR, 'model-patches.json'), 'utf8')) as {
      service: ModelName
      path: string[]
      op: 'set' | 'remove'
      value?: unknown
      reason: string
    }[]
    assert.ok(patches.length > 0)
    for (const patch of patches) {
      assert.ok(patch.reason.length > 0)
      let node: unknown = MODELS[patch.service]
      for (const key of patch.path) node = (node as Record<string, unknown> | undefined)?.[key]
      if (patch.op === 'set') assert.deepEqual(node, patch.value, `${patch.service}:${patch.path.join('.')}`)
      else assert.equal(node, undefined)
    }
  })
})
