import type { Statement } from '../policy/index.js'
import { ACCESS_LEVELS, type AccessLevel } from './access-level.js'
import type { ActionInfo } from './catalog-types.js'
import type { LevelAccess } from './summary-types.js'

/** The access-level column: Full access, or Full/Limited per level with at least one covered action. */
export function accessNote(
  granted: readonly ActionInfo[],
  all: readonly ActionInfo[],
): { fullAccess: boolean; levels: readonly LevelAccess[]; accessLevel: string } {
  const grantedNames = new Set(granted.map((a) => a.fullName))
  const totals = new Map<AccessLevel, { granted: number; total: number }>()
  for (const action of all) {
    const counts = totals.get(action.accessLevel) ?? { granted: 0, total: 0 }
    counts.total++
    if (grantedNames.has(action.fullName)) counts.granted++
    totals.set(action.accessLevel, counts)
  }
  const levels = ACCESS_LEVELS.flatMap((level): LevelAccess[] => {
    const counts = totals.get(level)
    if (!counts || counts.granted === 0) return []
    const coverage = counts.granted === counts.total ? 'Full' : 'Limited'
    return [{ level, coverage, granted: counts.granted, total: counts.total }]
  })
  const fullAccess = all.length > 0 && all.every((a) => grantedNames.has(a.fullName))
  const part = (coverage: 'Full' | 'Limited') => {
    const names = levels.filter((l) => l.coverage === coverage).map((l) => l.level)
    return names.length > 0 ? [`${coverage}: ${names.join(', ')}`] : []
  }
  return {
    fullAccess,
    levels,
    accessLevel: fullAccess ? 'Full access' : [...part('Full'), ...part('Limited')].join(' '),
  }
}

/** How one statement scopes resources, as the summary shows it. */
function statementResources(statement: Statement): readonly string[] {
  if (statement.resource) return statement.resource
  if (statement.notResource) return [`All resources except ${statement.notResource.join(', ')}`]
  // A statement without Resource (a resource-based policy) applies to the resource it is attached to.
  return ['This resource']
}

/** The resource column over the statements that cover an action or service. */
export function resourceNote(statements: readonly Statement[]): {
  resource: string
  resources: readonly string[]
} {
  const resources = [...new Set(statements.flatMap(statementResources))]
  if (resources.includes('*')) return { resource: 'All resources', resources: ['*'] }
  return { resource: resources.length === 1 ? resources[0]! : 'Multiple', resources }
}

/** The request-condition column: `None`, or the distinct condition keys of the covering statements. */
export function conditionNote(statements: readonly Statement[]): {
  requestCondition: string
  conditionKeys: readonly string[]
} {
  const byLower = new Map<string, string>()
  for (const statement of statements) {
    for (const clause of statement.conditions) {
      if (!byLower.has(clause.key.toLowerCase())) byLower.set(clause.key.toLowerCase(), clause.key)
    }
  }
  const conditionKeys = [...byLower.values()]
  return { requestCondition: conditionKeys.length === 0 ? 'None' : conditionKeys.join(', '), conditionKeys }
}
