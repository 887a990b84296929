import { malformed } from './issues.js'
import type { ValidationStage } from './validate-context.js'
import { MALFORMED } from './validate-messages.js'

/** Managed policies and permissions boundaries need `"Version": "2012-10-17"`; inline and trust policies do not. */
export const versionRule: ValidationStage = (document, { kind, options }) => {
  const required = options.managed === true || kind === 'boundary'
  if (!required || document.version === '2012-10-17') return []
  return [malformed('Version', MALFORMED.version)]
}
