import { resolveShape, type ServiceModel, type Shape, type ShapeRef } from '../models/index.js'
import { readScalar } from './scalars.js'
import type { ProtocolError } from './types.js'

/** How a query dialect names keys: the only things that differ between `query` and `ec2`. */
export interface QueryDialect {
  /** The key segment of a structure member. */
  memberKey(memberName: string, ref: ShapeRef, shape: Shape): string
  /** The prefix that `.N` is appended to for the elements of a list at `prefix`. */
  listPrefix(prefix: string, ref: ShapeRef, list: Shape): string
  /** Whether `Name=` (an empty value) means an empty list. */
  readonly emptyValueIsEmptyList: boolean
  /** The error code for a value that is not of its member's type. */
  readonly malformedCode: string
}

/** The effective wire name of a reference: its own locationName, else the target shape's. */
export const locationNameOf = (ref: ShapeRef, shape: Shape): string | undefined =>
  ref.locationName ?? shape.locationName

/** The `query` dialect (STS, IAM, ELB, ELBv2): `Name.member.N`, `Name.entry.N.key`. */
export const QUERY_DIALECT: QueryDialect = {
  memberKey: (name, ref, shape) => locationNameOf(ref, shape) ?? name,
  listPrefix: (prefix, ref, list) => {
    const member = list.member!
    const memberName = member.locationName
    if (ref.flattened || list.flattened) {
      return memberName ? [...prefix.split('.').slice(0, -1), memberName].join('.') : prefix
    }
    return `${prefix}.${memberName ?? 'member'}`
  },
  emptyValueIsEmptyList: true,
  malformedCode: 'MalformedInput',
}

/** Form parameters merged from the query string and a form-urlencoded body (the body wins). */
export function readFormParams(
  query: URLSearchParams | string,
  body: string | Uint8Array | undefined,
): Map<string, string> {
  const params = new Map<string, string>()
  if (query !== '') for (const [key, value] of new URLSearchParams(query)) params.set(key, value)
  const text = typeof body === 'string' ? body : body ? Buffer.from(body).toString('utf8') : ''
  if (text.length > 0) for (const [key, value] of new URLSearchParams(text)) params.set(key, value)
  return params
}

interface WalkContext {
  readonly model: ServiceModel
  readonly dialect: QueryDialect
  readonly params: ReadonlyMap<string, string>
  /** Every dotted prefix of every key, so that "is anything under X" is one lookup. */
  readonly prefixes: ReadonlySet<string>
  error?: ProtocolError
}

function prefixesOf(params: ReadonlyMap<string, string>): Set<string> {
  const prefixes = new Set<string>()
  for (const key of params.keys()) {
    for (let dot = key.indexOf('.'); dot !== -1; dot = key.indexOf('.', dot + 1))
      prefixes.add(key.slice(0, dot))
  }
  return prefixes
}

const present = (ctx: WalkContext, key: string): boolean => ctx.params.has(key) || ctx.prefixes.has(key)

/** A structure member with its target shape and wire key segment, computed once per shape and dialect. */
interface MemberPlan {
  readonly name: string
  readonly ref: ShapeRef
  readonly target: Shape
  readonly segment: string
}

const plans = new WeakMap<Shape, Map<QueryDialect, readonly MemberPlan[]>>()

function memberPlans(ctx: WalkContext, shape: Shape): readonly MemberPlan[] {
  let byDialect = plans.get(shape)
  if (!byDialect) {
    byDialect = new Map()
    plans.set(shape, byDialect)
  }
  let plan = byDialect.get(ctx.dialect)
  if (!plan) {
    plan = Object.entries(shape.members ?? {}).map(([name, ref]) => {
      const target = resolveShape(ctx.model, ref)
      return { name, ref, target, segment: ctx.dialect.memberKey(name, ref, target) }
    })
    byDialect.set(ctx.dialect, plan)
  }
  return plan
}

function readStructure(ctx: WalkContext, shape: Shape, prefix: string): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const { name, ref, target, segment } of memberPlans(ctx, shape)) {
    const key = prefix === '' ? segment : `${prefix}.${segment}`
    if (!present(ctx, key)) continue
    const value = readValue(ctx, ref, target, key)
    if (value !== undefined) out[name] = value
  }
  return out
}

function readList(ctx: WalkContext, ref: ShapeRef, shape: Shape, key: string): unknown[] | undefined {
  const elementPrefix = ctx.dialect.listPrefix(key, ref, shape)
  const memberRef = shape.member!
  const memberShape = resolveShape(ctx.model, memberRef)
  const items: unknown[] = []
  // AWS: elements are read from index 1 up to the first missing index.
  for (let i = 1; present(ctx, `${elementPrefix}.${i}`); i++) {
    items.push(readValue(ctx, memberRef, memberShape, `${elementPrefix}.${i}`) ?? null)
  }
  if (items.length > 0) return items
  if (ctx.dialect.emptyValueIsEmptyList && ctx.params.get(key) === '') return []
  return undefined
}

function readMap(
  ctx: WalkContext,
  ref: ShapeRef,
  shape: Shape,
  key: string,
): Record<string, unknown> | undefined {
  const entryPrefix = ref.flattened || shape.flattened ? key : `${key}.entry`
  const keyRef = shape.key!
  const valueRef = shape.value!
  const keyName = keyRef.locationName ?? 'key'
  const valueName = valueRef.locationName ?? 'value'
  const out: Record<string, unknown> = {}
  let found = false
  for (let i = 1; present(ctx, `${entryPrefix}.${i}`); i++) {
    const entryKey = ctx.params.get(`${entryPrefix}.${i}.${keyName}`)
    if (entryKey === undefined) continue
    const valueShape = resolveShape(ctx.model, valueRef)
    out[entryKey] = readValue(ctx, valueRef, valueShape, `${entryPrefix}.${i}.${valueName}`) ?? null
    found = true
  }
  if (found) return out
  return ctx.dialect.emptyValueIsEmptyList && ctx.params.get(key) === '' ? {} : undefined
}

function readValue(ctx: WalkContext, ref: ShapeRef, shape: Shape, key: string): unknown {
  switch (shape.type) {
    case 'structure':
      return ctx.prefixes.has(key) ? readStructure(ctx, shape, key) : undefined
    case 'list':
      return readList(ctx, ref, shape, key)
    case 'map':
      return readMap(ctx, ref, shape, key)
    default: {
      const text = ctx.params.get(key)
      if (text === undefined) return undefined
      const result = readScalar(shape, text)
      if (result.ok) return result.value
      ctx.error ??= { code: ctx.dialect.malformedCode, status: 400, message: result.message }
      return undefined
    }
  }
}

/** Reads an operation input from flat form parameters, walking the input shape with a dialect's naming. */
export function readQueryInput(
  model: ServiceModel,
  inputRef: ShapeRef | undefined,
  params: ReadonlyMap<string, string>,
  dialect: QueryDialect,
): { readonly input: Record<string, unknown>; readonly error?: ProtocolError } {
  if (!inputRef) return { input: {} }
  const ctx: WalkContext = { model, dialect, params, prefixes: prefixesOf(params) }
  const input = readStructure(ctx, resolveShape(model, inputRef), '')
  return ctx.error ? { input, error: ctx.error } : { input }
}
