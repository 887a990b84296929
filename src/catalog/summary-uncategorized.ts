import { splitArn } from '../kernel/arn.js'
import type { Catalog } from './catalog-types.js'
import type { StatementGrant } from './statement-grants.js'
import type { UncategorizedService } from './summary-types.js'

type Effect = UncategorizedService['effect']

function add(map: Map<string, Set<string>>, service: string, entry: string): void {
  const set = map.get(service) ?? new Set<string>()
  set.add(entry)
  map.set(service, set)
}

/** Known services a statement mentions only in its resources or condition keys. */
function mentionedServices(grants: readonly StatementGrant[], catalog: Catalog): Map<string, Set<string>> {
  const mentioned = new Map<string, Set<string>>()
  for (const { statement } of grants) {
    for (const resource of statement.resource ?? []) {
      const service = splitArn(resource)?.[2]?.toLowerCase()
      if (service && catalog.hasService(service)) add(mentioned, service, resource)
    }
    for (const { key } of statement.conditions) {
      const prefix = key.slice(0, Math.max(0, key.indexOf(':'))).toLowerCase()
      if (prefix !== 'aws' && catalog.hasService(prefix)) add(mentioned, prefix, key)
    }
  }
  return mentioned
}

/**
 * The services of one effect's statements that get no row: unknown to the catalog, known but
 * with no entry matching an action, or named only in resources and condition keys (the console's
 * "None - No actions are defined").
 */
export function uncategorizedServices(
  effect: Effect,
  grants: readonly StatementGrant[],
  covered: ReadonlySet<string>,
  catalog: Catalog,
): UncategorizedService[] {
  const unknown = new Map<string, Set<string>>()
  const unmatched = new Map<string, Set<string>>()
  for (const grant of grants) {
    for (const [service, entries] of grant.unknownServices) for (const e of entries) add(unknown, service, e)
    for (const [service, entries] of grant.unmatched) {
      if (!covered.has(service)) for (const e of entries) add(unmatched, service, e)
    }
  }
  const mentioned = mentionedServices(grants, catalog)
  const result: UncategorizedService[] = []
  const emit = (map: Map<string, Set<string>>, reason: UncategorizedService['reason']) => {
    for (const [service, entries] of map) result.push({ service, effect, reason, entries: [...entries] })
  }
  emit(unknown, 'unrecognized service')
  emit(unmatched, 'no matching actions')
  for (const service of [...mentioned.keys()]) {
    if (covered.has(service) || unmatched.has(service)) mentioned.delete(service)
  }
  emit(mentioned, 'no actions defined')
  return result
}
