import type { Statement } from '../policy/index.js'
import { compileActionPattern } from './action-pattern.js'
import type { Catalog } from './catalog-types.js'
import { closest } from './did-you-mean.js'
import { type CatalogFinding, elementPath, finding } from './finding.js'
import { FINDING_MESSAGES } from './finding-messages.js'

const WILDCARD = /[*?]/

/** The finding for one Action/NotAction entry that names no known service or action, if any. */
function entryFinding(entry: string, catalog: Catalog, path: string): CatalogFinding | undefined {
  const colon = entry.indexOf(':')
  // `*` matches everything; an entry without a service prefix is a grammar error policy validation reports.
  if (entry === '*' || colon <= 0) return undefined
  const service = entry.slice(0, colon)
  const name = entry.slice(colon + 1)
  if (!WILDCARD.test(service) && !catalog.hasService(service)) {
    const near = closest(service, catalog.servicePrefixes())
    const suggestion = near && catalog.action(`${near}:${name}`)?.fullName
    return finding(
      'ERROR',
      'INVALID_SERVICE_IN_ACTION',
      path,
      FINDING_MESSAGES.INVALID_SERVICE_IN_ACTION(entry, suggestion),
    )
  }
  if (catalog.matchActions(entry).length > 0) return undefined
  const near = WILDCARD.test(entry)
    ? undefined
    : closest(
        name,
        catalog.actions(service).map((action) => action.name),
      )
  const suggestion = near && `${service.toLowerCase()}:${near}`
  return finding('ERROR', 'INVALID_ACTION', path, FINDING_MESSAGES.INVALID_ACTION(entry, suggestion))
}

/** Indexes of Action entries whose every action another entry already grants. */
function redundantEntries(entries: readonly string[], catalog: Catalog): number[] {
  const firstStar = entries.indexOf('*')
  const sets = entries.map((entry) => {
    if (entry === '*') return undefined
    const matched = catalog.matchActions(entry)
    return matched.length > 0 ? new Set(matched.map((action) => action.fullName.toLowerCase())) : undefined
  })
  const covers = (j: number, i: number): boolean => {
    const inner = sets[i]
    const outer = sets[j]
    if (!inner || !outer || inner.size > outer.size) return false
    for (const name of inner) if (!outer.has(name)) return false
    // Two entries granting the same actions: only the later one is redundant.
    return inner.size < outer.size || j < i
  }
  // Only entries of the same service, or with a wildcard service part, can cover one another.
  const services = entries.map((entry) => compileActionPattern(entry).service)
  const byService = new Map<string | undefined, number[]>()
  services.forEach((service, i) => {
    const list = byService.get(service) ?? []
    list.push(i)
    byService.set(service, list)
  })
  const wildcardServices = byService.get(undefined) ?? []
  return entries.flatMap((entry, i) => {
    if (entry === '*') return firstStar < i ? [i] : []
    if (!sets[i]) return []
    if (firstStar >= 0) return [i]
    const candidates = [...(byService.get(services[i]) ?? []), ...wildcardServices]
    return candidates.some((j) => j !== i && covers(j, i)) ? [i] : []
  })
}

/**
 * Access Analyzer's action checks for one statement: unknown services and actions in Action and
 * NotAction (ERROR, although IAM itself accepts them), and redundant Action entries (SUGGESTION).
 */
export function actionFindings(statement: Statement, catalog: Catalog): CatalogFinding[] {
  const findings: CatalogFinding[] = []
  for (const [element, entries] of [
    ['Action', statement.action],
    ['NotAction', statement.notAction],
  ] as const) {
    entries?.forEach((entry, i) => {
      const found = entryFinding(entry, catalog, elementPath(statement.index, element, i))
      if (found) findings.push(found)
    })
  }
  const redundant = redundantEntries(statement.action ?? [], catalog)
  const first = redundant[0]
  if (first !== undefined) {
    const message = FINDING_MESSAGES.REDUNDANT_ACTION(redundant.length, statement.action![first]!)
    findings.push(
      finding('SUGGESTION', 'REDUNDANT_ACTION', elementPath(statement.index, 'Action', first), message),
    )
  }
  return findings
}
