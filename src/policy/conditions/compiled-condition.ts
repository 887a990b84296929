import type { ContextValue, RequestContext } from '../context.js'
import type { ConditionClause, PolicyVersion } from '../document.js'
import { hasVariables, resolveTemplate, type Template, templateOf } from '../match/variables.js'
import { patternText } from '../match/wildcard.js'
import { nullHolds } from './null.js'
import type { ConditionOperator } from './operator.js'
import { parseOperatorName } from './registry.js'

const UNKNOWN = 0
const NULL = 1
const BASE = 2
const SET_NONE = 0
const SET_ANY = 1
const SET_ALL = 2

/** A condition clause compiled once: operator parsed, key lower-cased, policy values pre-parsed. */
export class CompiledCondition {
  private readonly kind: number
  private readonly key: string
  private readonly set: number = SET_NONE
  private readonly ifExists: boolean = false
  private readonly op: ConditionOperator | null = null
  private readonly raw: readonly string[]
  private readonly prepared: readonly unknown[] = []
  /** Per value, its template when it has variables; `null` when no value has any. */
  private readonly templates: readonly (Template | null)[] | null = null
  private lastRaw: string | undefined
  private lastParsed: unknown

  /** Compiles `clause` for a document of `version`. */
  constructor(clause: ConditionClause, version: PolicyVersion) {
    const name = parseOperatorName(clause.operator)
    this.key = clause.key.toLowerCase()
    this.raw = clause.values
    this.kind = name === undefined ? UNKNOWN : name.base === null ? NULL : BASE
    if (name === undefined || name.base === null) return
    const op = name.base
    this.op = op
    this.set = name.set === 'any' ? SET_ANY : name.set === 'all' ? SET_ALL : SET_NONE
    this.ifExists = name.ifExists
    const variables = version === '2012-10-17' && op.variables
    const templates = clause.values.map((v) => templateOf(v, variables))
    if (templates.some(hasVariables)) this.templates = templates.map((t) => (hasVariables(t) ? t : null))
    this.prepared = clause.values.map((v, i) =>
      hasVariables(templates[i]!) ? undefined : op.parsePolicy(patternText(v)),
    )
  }

  /** Whether the clause holds for `context`. */
  holds(context: RequestContext): boolean {
    if (this.kind === UNKNOWN) return false
    const value = context.get(this.key)
    if (this.kind === NULL) return this.nullHolds(value)
    const prepared = this.templates === null ? this.prepared : this.resolve(context)
    if (typeof value === 'string') return this.holdsFor(value, prepared)
    if (value === undefined || value.length === 0) {
      if (this.set === SET_ANY) return false
      return this.set === SET_ALL || this.ifExists || this.op!.negated
    }
    if (this.set === SET_ANY) {
      for (let i = 0; i < value.length; i++) if (this.holdsFor(value[i]!, prepared)) return true
      return false
    }
    if (this.set === SET_ALL) {
      for (let i = 0; i < value.length; i++) if (!this.holdsFor(value[i]!, prepared)) return false
      return true
    }
    return value.length === 1 && this.holdsFor(value[0]!, prepared)
  }

  private nullHolds(value: ContextValue | undefined): boolean {
    const present = value !== undefined && (typeof value === 'string' || value.length > 0)
    for (let i = 0; i < this.raw.length; i++) if (nullHolds(present, this.raw[i]!)) return true
    return false
  }

  /** One request value against every policy value: OR, or NOR for a negated operator. */
  private holdsFor(requestValue: string, prepared: readonly unknown[]): boolean {
    const op = this.op!
    // The parsed request value is remembered: callers repeat the same context strings.
    if (requestValue !== this.lastRaw) {
      this.lastRaw = requestValue
      this.lastParsed = op.parseRequest(requestValue)
    }
    const actual = this.lastParsed
    if (actual === undefined) return false
    let matched = false
    for (let i = 0; i < prepared.length; i++) {
      const policy = prepared[i]
      if (policy !== undefined && op.test(actual, policy)) {
        matched = true
        break
      }
    }
    return op.negated ? !matched : matched
  }

  /** Policy values with their variables substituted for this request. */
  private resolve(context: RequestContext): readonly unknown[] {
    const templates = this.templates!
    const out = this.prepared.slice()
    for (let i = 0; i < templates.length; i++) {
      const template = templates[i]
      if (template === null || template === undefined) continue
      const text = resolveTemplate(template, context)
      out[i] = text === undefined ? undefined : this.op!.parsePolicy(text)
    }
    return out
  }
}
