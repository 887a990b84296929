import { createScanner, visit } from 'jsonc-parser'

/** A JSON number kept as written, so `1.0` and `9223372036854775807` survive unchanged. */
export class JsonNumber {
  /** The number's JSON text. */
  readonly text: string
  constructor(text: string) {
    this.text = text
  }
}

/** A JSON object with its keys in document order (a Map, so no key can reach a prototype). */
export type JsonObject = ReadonlyMap<string, JsonValue>

/** A JSON value as `readJson` builds it. */
export type JsonValue = null | boolean | string | JsonNumber | readonly JsonValue[] | JsonObject

/** The outcome of reading JSON text. */
export type JsonReadResult =
  | { readonly ok: true; readonly value: JsonValue }
  | { readonly ok: false; readonly path: string; readonly reason: 'syntax' | 'duplicate-key' }

// jsonc-parser's SyntaxKind is a const enum, which isolatedModules cannot import.
const LINE_BREAK_TRIVIA = 14
const TRIVIA = 15
const EOF = 17
const JSON_WHITESPACE = /^[ \t\n\r]*$/

/** Appends a key or an index to a JSON path (`Statement[1].Condition`). */
export function childPath(parent: string, key: string | number): string {
  if (typeof key === 'number') return `${parent}[${key}]`
  return parent === '' ? key : `${parent}.${key}`
}

/** Whether `value` is a JSON object. */
export function isJsonObject(value: JsonValue | undefined): value is JsonObject {
  return value instanceof Map
}

/**
 * Reads strict JSON (RFC 8259): no comments, no trailing commas, only JSON whitespace, and no key twice in one
 * object. Never throws.
 */
export function readJson(text: string): JsonReadResult {
  try {
    if (LENIENT_WHITESPACE.test(text) && !onlyJsonWhitespace(text))
      return { ok: false, path: '', reason: 'syntax' }
    return buildValue(text)
  } catch {
    // CAUTION: deeply nested input can exhaust the stack inside the parser.
    return { ok: false, path: '', reason: 'syntax' }
  }
}

/** Characters jsonc-parser skips as whitespace although strict JSON does not (VT, FF, NBSP, Unicode spaces, BOM). */
const LENIENT_WHITESPACE = /[\v\f\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]/

/** Whether every whitespace token of `text` is JSON whitespace (those characters may still appear in strings). */
function onlyJsonWhitespace(text: string): boolean {
  const scanner = createScanner(text, false)
  for (let kind = scanner.scan(); kind !== EOF; kind = scanner.scan()) {
    if ((kind === TRIVIA || kind === LINE_BREAK_TRIVIA) && !JSON_WHITESPACE.test(scanner.getTokenValue())) {
      return false
    }
  }
  return true
}

/** An open object or array; `at` is its key or index in its parent (paths are built only when needed). */
interface Frame {
  readonly container: Map<string, JsonValue> | JsonValue[]
  readonly at: string | number | undefined
  key?: string
}

function pathOf(stack: readonly Frame[], last?: string | number): string {
  let path = ''
  for (const frame of stack.slice(1)) path = childPath(path, frame.at ?? '')
  const top = stack.at(-1)
  const tail = last ?? top?.key
  return tail === undefined ? path : childPath(path, tail)
}

function buildValue(text: string): JsonReadResult {
  const stack: Frame[] = []
  let root: JsonValue | undefined
  let failure: JsonReadResult | undefined
  const fail = (path: string, reason: 'syntax' | 'duplicate-key') => {
    failure ??= { ok: false, path, reason }
  }
  /** Adds `value` to the open container; returns its key or index there. */
  const add = (value: JsonValue): string | number | undefined => {
    const top = stack.at(-1)
    if (top === undefined) {
      root = value
      return undefined
    }
    if (Array.isArray(top.container)) return top.container.push(value) - 1
    const key = top.key ?? ''
    ;(top.container as Map<string, JsonValue>).set(key, value)
    top.key = undefined
    return key
  }
  visit(
    text,
    {
      onObjectBegin: () => {
        const map = new Map<string, JsonValue>()
        stack.push({ container: map, at: add(map) })
      },
      onObjectProperty: (property) => {
        const top = stack.at(-1)
        if (top === undefined) return
        if ((top.container as Map<string, JsonValue>).has(property))
          fail(pathOf(stack, property), 'duplicate-key')
        top.key = property
      },
      onObjectEnd: () => void stack.pop(),
      onArrayBegin: () => {
        const list: JsonValue[] = []
        stack.push({ container: list, at: add(list) })
      },
      onArrayEnd: () => void stack.pop(),
      onLiteralValue: (value: unknown, offset, length) => {
        if (typeof value === 'number') add(new JsonNumber(text.slice(offset, offset + length)))
        else add(value as null | boolean | string)
      },
      onError: () => fail(pathOf(stack), 'syntax'),
    },
    { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false },
  )
  if (failure !== undefined) return failure
  if (root === undefined) return { ok: false, path: '', reason: 'syntax' }
  return { ok: true, value: root }
}

/** The JSON text of a policy given as text or as an already-parsed value; `undefined` when it has none. */
export function policyText(input: unknown): string | undefined {
  if (typeof input === 'string') return input
  try {
    const text: unknown = JSON.stringify(input)
    return typeof text === 'string' ? text : undefined
  } catch {
    return undefined
  }
}
