import { foldText, globToRegExp, patternText } from './wildcard.js'

/**
 * Whether an Action pattern matches a request action: `*` matches all; otherwise the service
 * prefixes and the action names are globbed separately, ignoring case, anchored at both ends.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html
 */
export function matchAction(pattern: string, action: string): boolean {
  if (pattern === '*') return true
  const patternColon = pattern.indexOf(':')
  const actionColon = action.indexOf(':')
  if (patternColon < 0 || actionColon < 0) return false
  const service = globToRegExp(patternText(pattern.slice(0, patternColon)), true)
  const name = globToRegExp(patternText(pattern.slice(patternColon + 1)), true)
  return (
    service.test(foldText(action.slice(0, actionColon))) && name.test(foldText(action.slice(actionColon + 1)))
  )
}

/** Whether any pattern of an Action list matches. */
export function matchActionList(patterns: readonly string[], action: string): boolean {
  return patterns.some((pattern) => matchAction(pattern, action))
}
