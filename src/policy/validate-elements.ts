import { malformed, type PolicyIssue } from './issues.js'
import { actionVendorError } from './validate-action.js'
import type { ValidationStage } from './validate-context.js'
import { MALFORMED } from './validate-messages.js'
import { resourceFormatError } from './validate-resource.js'
import { entryPath, type RawStatement } from './validate-syntax.js'

type ListKey = 'Action' | 'NotAction' | 'Resource' | 'NotResource'

const FIELD: Readonly<Record<ListKey, 'action' | 'notAction' | 'resource' | 'notResource'>> = {
  Action: 'action',
  NotAction: 'notAction',
  Resource: 'resource',
  NotResource: 'notResource',
}

/** Checks every entry of `keys` in every statement, in document order. */
function checkEntries(
  statements: readonly RawStatement[],
  keys: readonly ListKey[],
  check: (entry: string) => string | undefined,
): PolicyIssue[] {
  const issues: PolicyIssue[] = []
  for (const key of keys) {
    for (const s of statements) {
      s[FIELD[key]]?.forEach((entry, i) => {
        const message = check(entry)
        if (message !== undefined) issues.push(malformed(entryPath(s, key, i), message))
      })
    }
  }
  return issues
}

/** Whether a statement has a non-empty `key` or `notKey` list. */
function hasEntries(s: RawStatement, key: ListKey, notKey: ListKey): boolean {
  return (s[FIELD[key]]?.length ?? 0) > 0 || (s[FIELD[notKey]]?.length ?? 0) > 0
}

/** Every statement needs Action or NotAction with at least one entry. */
export const actionsPresent: ValidationStage = (document) =>
  document.statements
    .filter((s) => !hasEntries(s, 'Action', 'NotAction'))
    .map((s) => malformed(s.path, MALFORMED.noActions))

/** Resource and NotResource entries must be `*` or well-formed ARNs. */
export const resourceFormats: ValidationStage = (document) =>
  checkEntries(document.statements, ['Resource', 'NotResource'], resourceFormatError)

/** Action and NotAction entries need a valid service prefix and one colon. */
export const actionVendors: ValidationStage = (document) =>
  checkEntries(document.statements, ['Action', 'NotAction'], actionVendorError)

/** Every statement except in trust policies needs Resource or NotResource with at least one entry. */
export const resourcesPresent: ValidationStage = (document, { kind }) =>
  kind === 'trust'
    ? []
    : document.statements
        .filter((s) => !hasEntries(s, 'Resource', 'NotResource'))
        .map((s) => malformed(s.path, MALFORMED.noResources))
