import { malformed, policyWarning } from './issues.js'
import type { ValidationStage } from './validate-context.js'
import { MALFORMED } from './validate-messages.js'

/** Managed policies and permissions boundaries need `"Version": "2012-10-17"`; inline and trust policies do not. */
export const versionRule: ValidationStage = (document, { kind, options }) => {
  const required = options.managed === true || kind === 'boundary'
  if (!required || document.version === '2012-10-17') return []
  return [malformed('Version', MALFORMED.version)]
}

const VARIABLE = '${'

/** Under Version 2008-10-17 (or none) `${...}` is literal text; a document that uses it probably meant 2012-10-17. */
export const versionWarnings: ValidationStage = (document) => {
  if (document.version === '2012-10-17') return []
  const texts = document.statements.flatMap((s) => [
    ...(s.resource ?? []),
    ...(s.notResource ?? []),
    ...s.conditions.flatMap((c) => c.values),
  ])
  if (!texts.some((text) => text.includes(VARIABLE))) return []
  const message = 'Policy variables are literal text without "Version": "2012-10-17".'
  return [policyWarning('Version', message, 'VariablesNeedVersion2012')]
}
