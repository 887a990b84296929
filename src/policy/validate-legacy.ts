import { malformed, type PolicyIssue } from './issues.js'
import { childPath } from './parse-json.js'
import { parseOperatorName } from './validate-condition.js'
import type { ValidationStage } from './validate-context.js'
import { isPolicyDate } from './validate-date.js'
import { MALFORMED } from './validate-messages.js'
import { failsLegacyParsing, resourceFormatError } from './validate-resource.js'
import { entryPath } from './validate-syntax.js'

const EFFECTS: ReadonlySet<string> = new Set(['Allow', 'Deny'])

/**
 * IAM's legacy parser: Effect in its exact case, Date condition values that parse, and no `::` in short ARNs.
 * Every failure is `The policy failed legacy parsing`.
 */
export const legacyParsing: ValidationStage = (document) => {
  const issues: PolicyIssue[] = []
  const fail = (path: string) => issues.push(malformed(path, MALFORMED.legacy))
  for (const s of document.statements) {
    if (!EFFECTS.has(s.effect)) fail(childPath(s.path, 'Effect'))
    for (const c of s.conditions) {
      if (!parseOperatorName(c.operator)?.base.startsWith('Date')) continue
      if (!c.values.every(isPolicyDate)) fail(c.path)
    }
  }
  for (const key of ['Resource', 'NotResource'] as const) {
    for (const s of document.statements) {
      const list = key === 'Resource' ? s.resource : s.notResource
      list?.forEach((resource, i) => {
        // A resource with a format error reports that error (later) instead.
        if (resourceFormatError(resource) === undefined && failsLegacyParsing(resource))
          fail(entryPath(s, key, i))
      })
    }
  }
  return issues
}
