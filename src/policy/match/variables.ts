import type { RequestContext } from '../context.js'
import type { PatternText } from './wildcard.js'

/** One `${...}` reference: a context key (lower-cased) with an optional default. */
export interface VariableRef {
  readonly key: string
  readonly fallback?: string
}

/** Policy text split into literal runs and variable references. */
export type Template = readonly (string | VariableRef)[]

/** AWS: `${*}`, `${?}` and `${$}` stand for a literal `*`, `?` and `$`. */
const SPECIAL = new Set(['*', '?', '$'])
const REFERENCE = /^\s*([^\s,'}]+)\s*(?:,\s*'([^']*)'\s*)?$/

/**
 * Splits `text` into literal runs and `${key}` / `${key, 'default'}` references.
 * Text that is not a well-formed reference stays literal.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html
 */
export function parseTemplate(text: string): Template {
  const parts: (string | VariableRef)[] = []
  let literal = ''
  let i = 0
  while (i < text.length) {
    const open = text.indexOf('${', i)
    const close = open < 0 ? -1 : text.indexOf('}', open + 2)
    if (open < 0 || close < 0) break
    const inner = text.slice(open + 2, close)
    const match = REFERENCE.exec(inner)
    literal += text.slice(i, open)
    if (SPECIAL.has(inner)) {
      parts.push(literal, { key: '', fallback: inner })
      literal = ''
    } else if (match !== null) {
      parts.push(
        literal,
        match[2] === undefined
          ? { key: match[1]!.toLowerCase() }
          : { key: match[1]!.toLowerCase(), fallback: match[2] },
      )
      literal = ''
    } else {
      literal += text.slice(open, close + 1)
    }
    i = close + 1
  }
  literal += text.slice(i)
  parts.push(literal)
  return parts.filter((part) => part !== '')
}

/** Whether a template contains any reference. */
export function hasVariables(template: Template): boolean {
  return template.some((part) => typeof part !== 'string')
}

/** The value a reference resolves to: absent key → its default; multivalued key → unresolvable. */
export function resolveVariable(ref: VariableRef, context: RequestContext): string | undefined {
  if (ref.key === '') return ref.fallback
  const value = context.get(ref.key)
  if (value === undefined) return ref.fallback
  if (typeof value === 'string') return value
  // AWS: multivalued keys cannot be used as variables; a one-element list is single-valued.
  return value.length === 1 ? value[0] : value.length === 0 ? ref.fallback : undefined
}

/**
 * Substitutes every reference; substituted characters are marked literal so that a `*` inside
 * a tag value is not a wildcard. `undefined` when a reference cannot be resolved.
 */
export function resolveTemplate(template: Template, context: RequestContext): PatternText | undefined {
  let text = ''
  const marks: [number, number][] = []
  for (const part of template) {
    if (typeof part === 'string') {
      text += part
      continue
    }
    const value = resolveVariable(part, context)
    if (value === undefined) return undefined
    // Only wildcard characters need marking; other substituted text matches itself anyway.
    if (value.includes('*') || value.includes('?')) marks.push([text.length, text.length + value.length])
    text += value
  }
  if (marks.length === 0) return { text, literal: null }
  const literal = new Uint8Array(text.length)
  for (const [from, to] of marks) literal.fill(1, from, to)
  return { text, literal }
}

/** The pattern text of a policy value: substituted under 2012-10-17, literal otherwise. */
export function templateOf(text: string, variables: boolean): Template {
  return variables ? parseTemplate(text) : text === '' ? [] : [text]
}
