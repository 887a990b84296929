import { documentKeys } from './context-keys.js'
import { preparePolicy } from './prepared-policy.js'
import type { SourcePolicy } from './source-policy.js'

/** The GetContextKeysFor…Policy output for these policies; InvalidInput when one does not parse. */
export function contextKeysOf(sources: readonly SourcePolicy[]): Record<string, unknown> {
  const documents = sources.map((source) => preparePolicy(source, 'identity').document)
  return { ContextKeyNames: documentKeys(documents) }
}
