import { malformed, type PolicyIssue } from './issues.js'
import { childPath } from './parse-json.js'
import type { ValidationStage } from './validate-context.js'
import { MALFORMED } from './validate-messages.js'

const IAM_SID = /^[0-9A-Za-z]*$/

/** IAM Sids are alphanumeric (resource policies of other services allow more) and unique within a policy. */
export const sidRules: ValidationStage = (document, { kind }) => {
  const issues: PolicyIssue[] = []
  const seen = new Set<string>()
  for (const s of document.statements) {
    if (s.sid === undefined) continue
    const path = childPath(s.path, 'Sid')
    if (kind !== 'resource' && !IAM_SID.test(s.sid)) issues.push(malformed(path, MALFORMED.sidCharset))
    // AWS: an empty Sid is not compared [impl].
    if (s.sid === '') continue
    if (seen.has(s.sid)) issues.push(malformed(path, MALFORMED.sidUnique))
    seen.add(s.sid)
  }
  return issues
}
