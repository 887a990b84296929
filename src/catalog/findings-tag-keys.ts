import type { ConditionClause, Statement } from '../policy/index.js'
import type { ActionInfo, Catalog } from './catalog-types.js'
import { splitOperator } from './condition-types.js'
import { type CatalogFinding, finding } from './finding.js'
import { TAG_KEY_MESSAGES } from './finding-messages.js'

/** The global tag keys, as the lower-cased prefix (or whole key) the reference lists them under. */
function tagKeyFamily(key: string): string | undefined {
  const lower = key.toLowerCase()
  if (lower === 'aws:tagkeys') return lower
  for (const prefix of ['aws:resourcetag/', 'aws:requesttag/']) {
    if (lower.startsWith(prefix) && lower.length > prefix.length) return prefix
  }
  return undefined
}

/** Whether an action, or one of its resource types, lists the tag key family. */
function supports(action: ActionInfo, family: string, catalog: Catalog): boolean {
  const keys = [
    ...action.conditionKeys,
    ...catalog.actionResourceTypes(action.fullName).flatMap((type) => type.conditionKeys),
  ]
  return keys.some((key) => {
    const lower = key.toLowerCase()
    return family.endsWith('/') ? lower.startsWith(family) : lower === family
  })
}

/** The service prefixes of the statement's actions that do not support the key, sorted. */
function unsupportedServices(entries: readonly string[], family: string, catalog: Catalog): string[] {
  const services = new Set<string>()
  const seen = new Set<string>()
  for (const entry of entries) {
    for (const action of catalog.matchActions(entry)) {
      if (seen.has(action.fullName) || services.has(action.service)) continue
      seen.add(action.fullName)
      if (!supports(action, family, catalog)) services.add(action.service)
    }
  }
  return [...services].sort()
}

function clauseFinding(
  statement: Statement,
  clause: ConditionClause,
  catalog: Catalog,
): CatalogFinding | undefined {
  const family = tagKeyFamily(clause.key)
  const parts = splitOperator(clause.operator)
  // Null tests presence and IfExists passes when the key is absent: neither is ignored for an action.
  if (!family || parts.base === 'Null' || parts.ifExists) return undefined
  const path = `Statement[${statement.index}].Condition.${clause.operator}.${clause.key}`
  const allow = statement.effect === 'Allow'
  const type = allow ? 'SUGGESTION' : 'SECURITY_WARNING'
  if (statement.notAction) {
    const code = allow
      ? 'ALLOW_NOTACTION_WITH_UNSUPPORTED_TAG_CONDITION_KEY_FOR_SERVICE'
      : 'DENY_NOTACTION_WITH_UNSUPPORTED_TAG_CONDITION_KEY_FOR_SERVICE'
    return finding(type, code, path, TAG_KEY_MESSAGES[code](clause.key))
  }
  const services = unsupportedServices(statement.action ?? [], family, catalog)
  if (services.length === 0) return undefined
  const code = allow
    ? 'ALLOW_WITH_UNSUPPORTED_TAG_CONDITION_KEY_FOR_SERVICE'
    : 'DENY_WITH_UNSUPPORTED_TAG_CONDITION_KEY_FOR_SERVICE'
  return finding(type, code, path, TAG_KEY_MESSAGES[code](clause.key, services.join(', ')))
}

/**
 * Access Analyzer's checks for aws:ResourceTag, aws:RequestTag and aws:TagKeys conditions on
 * actions that do not support them: such a condition never matches for those actions, so an
 * Allow grants them nothing (SUGGESTION) and a Deny never denies them (SECURITY_WARNING).
 * NotAction always covers such actions, so it is reported without listing services.
 */
export function tagKeyFindings(statement: Statement, catalog: Catalog): CatalogFinding[] {
  return statement.conditions.flatMap((clause) => {
    const found = clauseFinding(statement, clause, catalog)
    return found ? [found] : []
  })
}
