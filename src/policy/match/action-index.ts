import { foldText, Glob, hasWildcard, patternText } from './wildcard.js'

/** The Action or NotAction list of one statement, by statement position. */
export interface ActionEntry {
  readonly position: number
  readonly patterns: readonly string[]
  readonly negated: boolean
}

interface WildcardRule {
  readonly position: number
  /** `*`: matches every action, even one without a colon. */
  readonly all: boolean
  readonly service: Glob
  readonly name: Glob
}

const CACHE_LIMIT = 4096
const NONE: readonly number[] = Object.freeze([])

/**
 * Finds the statements whose Action/NotAction applies to an action: exact names in a map,
 * wildcard patterns in per-service buckets, results memoized per action string.
 */
export class ActionIndex {
  private readonly exact = new Map<string, number[]>()
  private readonly byService = new Map<string, WildcardRule[]>()
  private readonly anyService: WildcardRule[] = []
  private readonly everything: number[] = []
  private readonly negated: { position: number; rules: WildcardRule[] }[] = []
  private readonly memo = new Map<string, readonly number[]>()

  /** Indexes the statements' action lists; positions are returned in ascending order. */
  constructor(entries: readonly ActionEntry[]) {
    for (const entry of entries) {
      if (entry.negated) {
        const rules = entry.patterns.flatMap((p) => rule(entry.position, p) ?? [])
        this.negated.push({ position: entry.position, rules })
        continue
      }
      for (const pattern of entry.patterns) this.add(entry.position, pattern)
    }
  }

  /** Statement positions whose action element applies to `action`, ascending; a shared array. */
  lookup(action: string): readonly number[] {
    const cached = this.memo.get(action)
    if (cached !== undefined) return cached
    const found = this.compute(action)
    if (this.memo.size >= CACHE_LIMIT) this.memo.clear()
    this.memo.set(action, found)
    return found
  }

  private add(position: number, pattern: string): void {
    if (pattern === '*') return void this.everything.push(position)
    const colon = pattern.indexOf(':')
    if (colon < 0) return
    const lower = foldText(pattern)
    if (!hasWildcard(patternText(pattern))) return void push(this.exact, lower, position)
    const service = lower.slice(0, colon)
    const compiled = rule(position, pattern)!
    if (hasWildcard(patternText(service))) this.anyService.push(compiled)
    else push(this.byService, service, compiled)
  }

  private compute(action: string): readonly number[] {
    const found = new Set<number>(this.everything)
    const colon = action.indexOf(':')
    if (colon >= 0) {
      const lower = foldText(action)
      for (const position of this.exact.get(lower) ?? NONE) found.add(position)
      for (const r of this.byService.get(lower.slice(0, colon)) ?? [])
        if (test(r, action, colon)) found.add(r.position)
      for (const r of this.anyService) if (test(r, action, colon)) found.add(r.position)
    }
    for (const { position, rules } of this.negated) {
      if (!rules.some((r) => r.all || (colon >= 0 && test(r, action, colon)))) found.add(position)
    }
    if (found.size === 0) return NONE
    return Object.freeze([...found].sort((a, b) => a - b))
  }
}

/** Compiles one pattern; `undefined` for a pattern without a colon, which matches nothing. */
function rule(position: number, pattern: string): WildcardRule | undefined {
  const colon = pattern.indexOf(':')
  const text = patternText(pattern)
  if (pattern === '*')
    return { position, all: true, service: new Glob(text, true), name: new Glob(text, true) }
  if (colon < 0) return undefined
  return {
    position,
    all: false,
    service: new Glob(text, true, 0, colon),
    name: new Glob(text, true, colon + 1),
  }
}

function test(r: WildcardRule, action: string, colon: number): boolean {
  return r.service.test(action, 0, colon) && r.name.test(action, colon + 1)
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key)
  if (list === undefined) map.set(key, [value])
  else list.push(value)
}
