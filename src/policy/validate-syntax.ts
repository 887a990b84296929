import type { PolicyVersion } from './document.js'
import type { PolicyIssue } from './issues.js'
import { malformed } from './issues.js'
import { childPath, isJsonObject, type JsonObject, type JsonValue } from './parse-json.js'
import { type RawCondition, readConditions } from './validate-condition.js'
import { MALFORMED } from './validate-messages.js'

/** A Principal block as written: `"*"` or a map of principal types to their values. */
export type RawPrincipal =
  | { readonly kind: 'any' }
  | {
      readonly kind: 'map'
      readonly entries: ReadonlyMap<string, readonly string[]>
      /** The principal types written as a single string rather than an array. */
      readonly singles: ReadonlySet<string>
    }

/** A statement whose every element has the right JSON type; values are not checked yet. */
export interface RawStatement {
  /** `Statement[i]`, or `Statement` when Statement is a single object. */
  readonly path: string
  readonly index: number
  readonly sid?: string
  /** As written; the syntax check accepts any case of Allow/Deny. */
  readonly effect: string
  readonly principal?: RawPrincipal
  readonly notPrincipal?: RawPrincipal
  readonly action?: readonly string[]
  readonly notAction?: readonly string[]
  readonly resource?: readonly string[]
  readonly notResource?: readonly string[]
  readonly conditions: readonly RawCondition[]
  /** The list elements (`Action`, `Resource`, …) written as a single string rather than an array. */
  readonly singles: ReadonlySet<string>
}

/** The JSON path of entry `i` of list element `key` (no index when it was written as a single string). */
export function entryPath(statement: RawStatement, key: string, i: number): string {
  const path = childPath(statement.path, key)
  return statement.singles.has(key) ? path : childPath(path, i)
}

/** The JSON path of value `i` of principal type `type` in `statement`'s `key` block. */
export function principalPath(
  statement: RawStatement,
  key: 'Principal' | 'NotPrincipal',
  type: string,
  i: number,
) {
  const block = key === 'Principal' ? statement.principal : statement.notPrincipal
  const path = childPath(childPath(statement.path, key), type)
  return block?.kind === 'map' && block.singles.has(type) ? path : childPath(path, i)
}

/** A document that passed the syntax check. */
export interface RawDocument {
  /** Absent when the document has no Version. */
  readonly version?: PolicyVersion
  readonly id?: string
  readonly statements: readonly RawStatement[]
}

/** The outcome of the syntax check. */
export type SyntaxResult =
  | { readonly ok: true; readonly document: RawDocument }
  | { readonly ok: false; readonly issues: readonly PolicyIssue[] }

const TOP_KEYS: ReadonlySet<string> = new Set(['Version', 'Id', 'Statement'])
const STATEMENT_KEYS: ReadonlySet<string> = new Set([
  'Sid',
  'Effect',
  'Principal',
  'NotPrincipal',
  'Action',
  'NotAction',
  'Resource',
  'NotResource',
  'Condition',
])
/** Statement elements of which at most one may appear. */
const EXCLUSIVE: readonly (readonly [string, string])[] = [
  ['Principal', 'NotPrincipal'],
  ['Action', 'NotAction'],
  ['Resource', 'NotResource'],
]
const LIST_KEYS = ['Action', 'NotAction', 'Resource', 'NotResource']
const VERSIONS: ReadonlySet<string> = new Set(['2012-10-17', '2008-10-17'])
const PRINCIPAL_TYPES: ReadonlySet<string> = new Set(['AWS', 'Service', 'Federated', 'CanonicalUser'])

/** Checks the document's structure and element types; every failure is `Syntax errors in policy.` */
export function checkSyntax(value: JsonValue): SyntaxResult {
  const issues: PolicyIssue[] = []
  const bad = (path: string) => issues.push(malformed(path, MALFORMED.syntax))
  if (!isJsonObject(value)) {
    bad('')
    return { ok: false, issues }
  }
  for (const key of value.keys()) if (!TOP_KEYS.has(key)) bad(key)
  const version = value.get('Version')
  if (version !== undefined && !(typeof version === 'string' && VERSIONS.has(version))) bad('Version')
  const id = value.get('Id')
  if (id !== undefined && typeof id !== 'string') bad('Id')
  const statements: RawStatement[] = []
  const block = value.get('Statement')
  if (isJsonObject(block)) {
    const statement = readStatement(block, 'Statement', 0, issues)
    if (statement !== undefined) statements.push(statement)
  } else if (Array.isArray(block) && block.length > 0) {
    block.forEach((item: JsonValue, index: number) => {
      const path = childPath('Statement', index)
      if (!isJsonObject(item)) {
        bad(path)
        return
      }
      const statement = readStatement(item, path, index, issues)
      if (statement !== undefined) statements.push(statement)
    })
  } else bad('Statement')
  if (issues.length > 0) return { ok: false, issues }
  return {
    ok: true,
    document: {
      statements,
      ...(typeof version === 'string' ? { version: version as PolicyVersion } : {}),
      ...(typeof id === 'string' ? { id } : {}),
    },
  }
}

function readStatement(
  value: JsonObject,
  path: string,
  index: number,
  issues: PolicyIssue[],
): RawStatement | undefined {
  const before = issues.length
  const bad = (key: string) => issues.push(malformed(childPath(path, key), MALFORMED.syntax))
  for (const key of value.keys()) if (!STATEMENT_KEYS.has(key)) bad(key)
  for (const [a, b] of EXCLUSIVE) if (value.has(a) && value.has(b)) bad(b)
  const effect = value.get('Effect')
  // AWS: the syntax check ignores the case of Effect; legacy parsing then rejects `allow`.
  if (typeof effect !== 'string' || !['allow', 'deny'].includes(effect.toLowerCase())) bad('Effect')
  const sid = value.get('Sid')
  if (sid !== undefined && typeof sid !== 'string') bad('Sid')
  const lists = {
    action: stringList(value, 'Action', bad),
    notAction: stringList(value, 'NotAction', bad),
    resource: stringList(value, 'Resource', bad),
    notResource: stringList(value, 'NotResource', bad),
  }
  const principal = readPrincipal(value, 'Principal', bad)
  const notPrincipal = readPrincipal(value, 'NotPrincipal', bad)
  const condition = value.get('Condition')
  const conditions =
    condition === undefined ? [] : readConditions(condition, childPath(path, 'Condition'), issues)
  if (issues.length > before || typeof effect !== 'string') return undefined
  const singles = new Set(LIST_KEYS.filter((key) => typeof value.get(key) === 'string'))
  const out: { -readonly [K in keyof RawStatement]: RawStatement[K] } = {
    path,
    index,
    effect,
    conditions,
    singles,
  }
  if (typeof sid === 'string') out.sid = sid
  if (principal !== undefined) out.principal = principal
  if (notPrincipal !== undefined) out.notPrincipal = notPrincipal
  for (const [name, list] of Object.entries(lists)) {
    if (list !== undefined) out[name as 'action'] = list
  }
  return out
}

/** A string or an array of strings, as an array; reports anything else. */
function stringList(value: JsonObject, key: string, bad: (key: string) => void): string[] | undefined {
  const raw = value.get(key)
  if (raw === undefined) return undefined
  if (typeof raw === 'string') return [raw]
  if (Array.isArray(raw) && raw.every((item: JsonValue) => typeof item === 'string'))
    return [...raw] as string[]
  bad(key)
  return undefined
}

function readPrincipal(value: JsonObject, key: string, bad: (key: string) => void): RawPrincipal | undefined {
  const raw = value.get(key)
  if (raw === undefined) return undefined
  if (raw === '*') return { kind: 'any' }
  if (!isJsonObject(raw)) {
    bad(key)
    return undefined
  }
  const entries = new Map<string, readonly string[]>()
  const singles = new Set<string>()
  for (const type of raw.keys()) {
    const list = PRINCIPAL_TYPES.has(type) ? stringList(raw, type, () => {}) : undefined
    if (list === undefined) {
      bad(childPath(key, type))
      return undefined
    }
    entries.set(type, list)
    if (typeof raw.get(type) === 'string') singles.add(type)
  }
  return { kind: 'map', entries, singles }
}
