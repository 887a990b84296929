import type { Statement } from '../policy/index.js'
import { compileActionPattern } from './action-pattern.js'
import type { ActionInfo, Catalog } from './catalog-types.js'

/** What one statement's Action or NotAction element covers, expanded over the catalog. */
export interface StatementGrant {
  readonly statement: Statement
  /** The covered actions by service prefix (lower case); services with none are absent. */
  readonly actions: ReadonlyMap<string, readonly ActionInfo[]>
  /** Entries whose service the catalog does not know, by the prefix as written, lower-cased. */
  readonly unknownServices: ReadonlyMap<string, readonly string[]>
  /** Entries of known services that match no action, by service prefix. */
  readonly unmatched: ReadonlyMap<string, readonly string[]>
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key)
  if (list) list.push(value)
  else map.set(key, [value])
}

/** Classifies entries whose literal service prefix is unknown, or which match nothing. */
function classifyEntries(
  entries: readonly string[],
  catalog: Catalog,
  unknownServices: Map<string, string[]>,
  unmatched: Map<string, string[]>,
): void {
  for (const entry of entries) {
    const pattern = compileActionPattern(entry)
    if (pattern.service === undefined) continue
    if (!catalog.hasService(pattern.service)) push(unknownServices, pattern.service, entry)
    else if (catalog.matchActions(entry).length === 0) push(unmatched, pattern.service, entry)
  }
}

/**
 * Expands a statement's Action (or NotAction, over every service) into the catalog actions it covers.
 * AWS: NotAction covers every action of every service except those it lists.
 */
export function statementGrant(statement: Statement, catalog: Catalog): StatementGrant {
  const unknownServices = new Map<string, string[]>()
  const unmatched = new Map<string, string[]>()
  const actions = new Map<string, ActionInfo[]>()
  if (statement.action) {
    const seen = new Set<string>()
    for (const entry of statement.action) {
      for (const info of catalog.matchActions(entry)) {
        if (seen.has(info.fullName)) continue
        seen.add(info.fullName)
        push(actions, info.service, info)
      }
    }
    classifyEntries(statement.action, catalog, unknownServices, unmatched)
  } else if (statement.notAction) {
    const excluded = statement.notAction.map(compileActionPattern)
    for (const service of catalog.servicePrefixes()) {
      const kept = catalog.actions(service).filter((info) => !excluded.some((p) => p.matches(info.fullName)))
      if (kept.length > 0) actions.set(service, kept)
    }
    classifyEntries(statement.notAction, catalog, unknownServices, unmatched)
  }
  return { statement, actions, unknownServices, unmatched }
}
