import { writeFileSync } from 'node:fs'
import type { Case } from './build.js'

/** Formats JSON with 2-space indentation, keeping any value that fits in `width` columns on one line. */
export function compactJson(value: unknown, indent = '', width = 110): string {
  const flat = inline(value)
  if (indent.length + flat.length <= width || value === null || typeof value !== 'object') return flat
  const inner = `${indent}  `
  if (Array.isArray(value)) {
    const items = value.map((v) => `${inner}${compactJson(v, inner, width)}`)
    return `[\n${items.join(',\n')}\n${indent}]`
  }
  const entries = Object.entries(value as Record<string, unknown>).map(
    ([k, v]) => `${inner}${JSON.stringify(k)}: ${compactJson(v, inner, width)}`,
  )
  return `{\n${entries.join(',\n')}\n${indent}}`
}

/** One-line JSON with a space after every comma and colon. */
function inline(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    const text = JSON.stringify(value)
    if (text === undefined) throw new Error('value is not JSON')
    return text
  }
  if (Array.isArray(value)) return `[${value.map(inline).join(', ')}]`
  const entries = Object.entries(value as Record<string, unknown>).map(
    ([k, v]) => `${JSON.stringify(k)}: ${inline(v)}`,
  )
  return `{${entries.join(', ')}}`
}

/** Writes one corpus file `{topic, cases}`; refuses duplicate case names. */
export function writeCorpus(path: string, topic: string, cases: readonly Case[]): void {
  const names = new Set<string>()
  for (const c of cases) {
    if (names.has(c.name)) throw new Error(`${topic}: duplicate case name ${c.name}`)
    names.add(c.name)
  }
  writeFileSync(path, `${compactJson({ topic, cases })}\n`)
}
