import type { Statement } from '../policy/index.js'
import { compileActionPattern } from './action-pattern.js'
import { type CatalogFinding, elementPath, type FindingType, finding } from './finding.js'
import { FINDING_MESSAGES } from './finding-messages.js'

/** An action Access Analyzer warns about when it is allowed broadly. */
interface SensitiveAction {
  readonly action: string
  /** Issue-code prefix: PASS_ROLE, CREATE_SLR. */
  readonly code: 'PASS_ROLE' | 'CREATE_SLR'
  readonly findingType: FindingType
  /** A condition key whose presence narrows the grant enough to silence the warning. */
  readonly narrowedBy?: string
}

/** The actions checked, as data. */
const SENSITIVE_ACTIONS: readonly SensitiveAction[] = [
  {
    action: 'iam:PassRole',
    code: 'PASS_ROLE',
    findingType: 'SECURITY_WARNING',
    narrowedBy: 'iam:passedtoservice',
  },
  { action: 'iam:CreateServiceLinkedRole', code: 'CREATE_SLR', findingType: 'WARNING' },
]

/** How a statement grants the action: by naming it, by a wildcard entry, or through NotAction. */
function grantedBy(
  statement: Statement,
  action: string,
): { how: 'exact' | 'star' | 'not'; path: string } | undefined {
  if (statement.action) {
    const service = action.slice(0, action.indexOf(':') + 1).toLowerCase()
    const matching = statement.action
      .map((text, i) => ({ text, i }))
      // Only entries of the action's service, or with a wildcard before the colon, can match it.
      .filter(({ text }) => text.toLowerCase().startsWith(service) || /^[^:]*[*?]/.test(text))
      .map(({ text, i }) => ({ pattern: compileActionPattern(text), i }))
      .filter(({ pattern }) => pattern.matches(action))
    const exact = matching.find(({ pattern }) => !/[*?]/.test(pattern.text))
    const chosen = exact ?? matching[0]
    if (!chosen) return undefined
    return { how: exact ? 'exact' : 'star', path: elementPath(statement.index, 'Action', chosen.i) }
  }
  if (statement.notAction?.some((text) => compileActionPattern(text).matches(action))) return undefined
  return statement.notAction ? { how: 'not', path: elementPath(statement.index, 'NotAction') } : undefined
}

const CODE_SUFFIX = {
  exact: { star: 'WITH_STAR_IN_RESOURCE', not: 'WITH_NOT_RESOURCE' },
  star: { star: 'WITH_STAR_IN_ACTION_AND_RESOURCE', not: 'WITH_STAR_IN_ACTION_AND_NOT_RESOURCE' },
  not: { star: 'WITH_STAR_IN_RESOURCE_AND_NOT_ACTION', not: 'WITH_NOT_ACTION_AND_NOT_RESOURCE' },
} as const

/**
 * Access Analyzer's warnings for Allow statements that grant iam:PassRole (SECURITY_WARNING) or
 * iam:CreateServiceLinkedRole (WARNING) on wildcard resources or through NotResource.
 */
export function sensitiveActionFindings(statement: Statement): CatalogFinding[] {
  if (statement.effect !== 'Allow') return []
  const resources = statement.resource?.some((r) => r.includes('*'))
    ? 'star'
    : statement.notResource
      ? 'not'
      : undefined
  if (!resources) return []
  return SENSITIVE_ACTIONS.flatMap((sensitive) => {
    const narrowed = statement.conditions.some((c) => c.key.toLowerCase() === sensitive.narrowedBy)
    const grant = narrowed ? undefined : grantedBy(statement, sensitive.action)
    if (!grant) return []
    const code = `${sensitive.code}_${CODE_SUFFIX[grant.how][resources]}` as keyof typeof FINDING_MESSAGES
    const message = FINDING_MESSAGES[code]
    return typeof message === 'string' ? [finding(sensitive.findingType, code, grant.path, message)] : []
  })
}
