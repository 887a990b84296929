/**
 * Dev-only: writes the trimmed service models in src/models/ from Debian's python3-botocore.
 * Run with `npm run models` (needs `apt-get install python3-botocore`). Committed models are data.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { gunzipSync } from 'node:zlib'
import { MODEL_SOURCES, type ServiceSource } from './model-scope.js'

type Json = null | boolean | number | string | Json[] | { [key: string]: Json }
type JsonObject = { [key: string]: Json }

/** One hand fix, applied to the full botocore model before trimming. */
interface ModelPatch {
  readonly service: string
  readonly path: readonly string[]
  readonly op: 'set' | 'remove'
  readonly value?: Json
  readonly reason: string
}

const BOTOCORE = process.env.BOTOCORE_DATA ?? '/usr/lib/python3/dist-packages/botocore/data'
const MODELS_DIR = join(import.meta.dirname, '..', 'src', 'models')
/** Where the models are written: src/models, or MODELS_OUT (the reproducibility test writes elsewhere). */
const OUT = process.env.MODELS_OUT ?? MODELS_DIR
/** Keys that only document the model; nothing at run time reads them. */
const DROPPED_KEYS = new Set([
  'documentation',
  'documentationUrl',
  'deprecatedMessage',
  'staticContextParams',
  'contextParam',
  'examples',
])

function readServiceModel(source: ServiceSource): JsonObject {
  const base = join(BOTOCORE, source.botocore, source.version, 'service-2.json')
  if (existsSync(base)) return JSON.parse(readFileSync(base, 'utf8'))
  if (existsSync(`${base}.gz`)) return JSON.parse(gunzipSync(readFileSync(`${base}.gz`)).toString('utf8'))
  throw new Error(`no botocore model at ${base}(.gz); apt-get install python3-botocore`)
}

function asObject(value: Json | undefined, what: string): JsonObject {
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    throw new Error(`${what} is not an object`)
  return value
}

function applyPatch(model: JsonObject, patch: ModelPatch): void {
  let node = model
  for (const key of patch.path.slice(0, -1)) {
    node[key] ??= {}
    node = asObject(node[key], `${patch.service}:${patch.path.join('.')}`)
  }
  const last = patch.path.at(-1)!
  if (patch.op === 'remove') delete node[last]
  else node[last] = patch.value ?? null
}

/** Removes documentation keys, recursively. */
function stripDocs(value: Json): Json {
  if (Array.isArray(value)) return value.map(stripDocs)
  if (value === null || typeof value !== 'object') return value
  const out: JsonObject = {}
  for (const [key, child] of Object.entries(value)) if (!DROPPED_KEYS.has(key)) out[key] = stripDocs(child)
  return out
}

/** The names of every shape a shape refers to. */
function shapeRefs(shape: JsonObject): string[] {
  const refs: string[] = []
  for (const key of ['member', 'key', 'value']) {
    const ref = shape[key]
    if (ref && typeof ref === 'object' && !Array.isArray(ref) && typeof ref.shape === 'string')
      refs.push(ref.shape)
  }
  const members = shape.members
  if (members && typeof members === 'object' && !Array.isArray(members)) {
    for (const member of Object.values(members)) refs.push(String(asObject(member, 'member').shape))
  }
  return refs
}

function trim(name: string, model: JsonObject, source: ServiceSource): JsonObject {
  const allOps = asObject(model.operations, `${name}.operations`)
  const allShapes = asObject(model.shapes, `${name}.shapes`)
  const operations: JsonObject = {}
  const pending: string[] = []
  for (const opName of source.operations) {
    const op = asObject(allOps[opName], `${name}: operation ${opName} (not in botocore ${source.version})`)
    operations[opName] = op
    for (const key of ['input', 'output']) if (op[key]) pending.push(String(asObject(op[key], key).shape))
    for (const error of (op.errors as Json[] | undefined) ?? [])
      pending.push(String(asObject(error, 'error').shape))
  }
  const shapes: JsonObject = {}
  while (pending.length > 0) {
    const shapeName = pending.pop()!
    if (shapes[shapeName]) continue
    const shape = asObject(allShapes[shapeName], `${name}: shape ${shapeName}`)
    shapes[shapeName] = shape
    pending.push(...shapeRefs(shape))
  }
  return stripDocs({
    metadata: model.metadata ?? {},
    operations,
    shapes,
    version: model.version ?? '2.0',
  }) as JsonObject
}

/** JSON with object keys sorted at every level except `members` (model order is wire order), 2-space indented. */
function stableStringify(value: Json): string {
  const sort = (v: Json, keepOrder: boolean): Json => {
    if (Array.isArray(v)) return v.map((item) => sort(item, false))
    if (v === null || typeof v !== 'object') return v
    const keys = keepOrder ? Object.keys(v) : Object.keys(v).sort()
    return Object.fromEntries(keys.map((k) => [k, sort(v[k]!, k === 'members' && !keepOrder)]))
  }
  return `${JSON.stringify(sort(value, false), null, 2)}\n`
}

function main(): void {
  const patches = JSON.parse(readFileSync(join(MODELS_DIR, 'model-patches.json'), 'utf8')) as ModelPatch[]
  for (const [name, source] of Object.entries(MODEL_SOURCES)) {
    const model = readServiceModel(source)
    for (const patch of patches.filter((p) => p.service === name)) applyPatch(model, patch)
    const trimmed = trim(name, model, source)
    writeFileSync(join(OUT, `${name}.json`), stableStringify(trimmed))
    const shapeCount = Object.keys(asObject(trimmed.shapes, 'shapes')).length
    console.log(`${name}: ${source.operations.length} operations, ${shapeCount} shapes`)
  }
}

main()
