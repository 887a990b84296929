import { resolveShape, type ServiceModel, type Shape, type ShapeRef } from '../models/index.js'

/** One broken model constraint, phrased as AWS phrases it. */
export interface Violation {
  /** Member path as AWS prints it: lower-camel names, list elements as `tags.1.member.key`. */
  readonly path: string
  /** The offending value as printed (`'x'`, `null`), or undefined for sensitive members. */
  readonly shown: string | undefined
  /** The constraint text after `Member must `. */
  readonly constraint: string
}

const lowerFirst = (name: string): string => name.charAt(0).toLowerCase() + name.slice(1)

const patternCache = new Map<string, RegExp | null>()

/**
 * The model's Java-style pattern as a whole-string JS RegExp. Without `\p{…}` it is compiled without the
 * `u` flag, so that (as in Java) `\u10000` reads as `\u1000` followed by `0`; null when JS cannot compile it.
 */
function compilePattern(pattern: string): RegExp | null {
  let compiled = patternCache.get(pattern)
  if (compiled !== undefined) return compiled
  try {
    compiled = new RegExp(`^(?:${pattern})$`, pattern.includes('\\p{') ? 'u' : '')
  } catch {
    compiled = null
  }
  patternCache.set(pattern, compiled)
  return compiled
}

function show(value: unknown, sensitive: boolean): string | undefined {
  if (sensitive) return undefined
  if (value === null || value === undefined) return 'null'
  if (Array.isArray(value)) return `'[${value.map((v) => String(v)).join(', ')}]'`
  if (value instanceof Date) return `'${value.toISOString()}'`
  return `'${String(value)}'`
}

function checkLength(size: number, shape: Shape, out: string[]): void {
  if (shape.min !== undefined && size < shape.min)
    out.push(`have length greater than or equal to ${shape.min}`)
  if (shape.max !== undefined && size > shape.max) out.push(`have length less than or equal to ${shape.max}`)
}

/** The constraints a present value breaks, in AWS's order (pattern before length). */
function constraintsBroken(value: unknown, shape: Shape): string[] {
  const broken: string[] = []
  if (shape.type === 'string' && typeof value === 'string') {
    if (shape.enum && !shape.enum.includes(value))
      broken.push(`satisfy enum value set: [${shape.enum.join(', ')}]`)
    const regex = shape.pattern === undefined ? null : compilePattern(shape.pattern)
    if (regex && !regex.test(value)) broken.push(`satisfy regular expression pattern: ${shape.pattern}`)
    // AWS: string length is counted in code points.
    checkLength([...value].length, shape, broken)
  } else if ((shape.type === 'list' && Array.isArray(value)) || shape.type === 'map') {
    const size = Array.isArray(value) ? value.length : Object.keys(value as object).length
    checkLength(size, shape, broken)
  } else if (typeof value === 'number' && shape.type !== 'blob') {
    if (shape.min !== undefined && value < shape.min)
      broken.push(`have value greater than or equal to ${shape.min}`)
    if (shape.max !== undefined && value > shape.max)
      broken.push(`have value less than or equal to ${shape.max}`)
  }
  return broken
}

function walk(model: ServiceModel, value: unknown, ref: ShapeRef, path: string, out: Violation[]): void {
  const shape = resolveShape(model, ref)
  const broken = constraintsBroken(value, shape)
  if (broken.length > 0) {
    const shown = show(value, Boolean(ref.sensitive || shape.sensitive))
    for (const constraint of broken) out.push({ path, shown, constraint })
  }
  if (shape.type === 'structure' && value && typeof value === 'object') {
    const record = value as Record<string, unknown>
    for (const [name, memberRef] of Object.entries(shape.members ?? {})) {
      const memberPath = path === '' ? lowerFirst(name) : `${path}.${lowerFirst(name)}`
      const memberValue = record[name]
      if (memberValue === undefined || memberValue === null) {
        if (shape.required?.includes(name))
          out.push({ path: memberPath, shown: 'null', constraint: 'not be null' })
      } else walk(model, memberValue, memberRef, memberPath, out)
    }
  } else if (shape.type === 'list' && Array.isArray(value)) {
    value.forEach((item, i) => {
      walk(model, item, shape.member!, `${path}.${i + 1}.member`, out)
    })
  } else if (shape.type === 'map' && value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
      walk(model, item, shape.value!, `${path}.${key}`, out)
    }
  }
}

/** Every model constraint (required, length, pattern, enum, range) the input breaks. */
export function findViolations(
  model: ServiceModel,
  inputRef: ShapeRef | undefined,
  input: unknown,
): Violation[] {
  if (!inputRef) return []
  const out: Violation[] = []
  walk(model, input, inputRef, '', out)
  return out
}

/** AWS's ValidationError text: `1 validation error detected: Value 'x' at 'roleName' failed to …; …`. */
export function validationMessage(violations: readonly Violation[]): string {
  const count = violations.length
  const parts = violations.map((v) => {
    const value = v.shown === undefined ? 'Value' : `Value ${v.shown}`
    return `${value} at '${v.path}' failed to satisfy constraint: Member must ${v.constraint}`
  })
  return `${count} validation error${count === 1 ? '' : 's'} detected: ${parts.join('; ')}`
}

/** The names of required members of the input structure that are missing (EC2 reports these by wire name). */
export function missingRequired(
  model: ServiceModel,
  inputRef: ShapeRef | undefined,
  input: Record<string, unknown>,
): string[] {
  if (!inputRef) return []
  const shape = resolveShape(model, inputRef)
  return (shape.required ?? []).filter((name) => input[name] === undefined || input[name] === null)
}
