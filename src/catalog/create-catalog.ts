import { toAccessLevel } from './access-level.js'
import { compileActionPattern } from './action-pattern.js'
import type { ActionInfo, ActionResourceType, Catalog, ResourceTypeInfo } from './catalog-types.js'
import { conditionKeyLookup } from './condition-key-lookup.js'
import type { CatalogData, RawAction, RawConditionKey, RawRecords } from './iam-data-files.js'

/** Per-service data, each part read on first use. */
interface ServiceEntry {
  actions?: ReadonlyMap<string, ActionInfo>
  actionList?: readonly ActionInfo[]
  resourceTypes?: ReadonlyMap<string, ResourceTypeInfo>
  conditionKeys?: RawRecords<RawConditionKey>
}

function toActionInfo(service: string, raw: RawAction): ActionInfo {
  return {
    service,
    name: raw.name,
    fullName: `${service}:${raw.name}`,
    description: raw.description,
    accessLevel: toAccessLevel(raw.accessLevel),
    // The raw entries carry more fields than ActionInfo promises; sharing them saves an allocation each.
    resourceTypes: raw.resourceTypes,
    conditionKeys: raw.conditionKeys,
    dependentActions: raw.dependentActions,
  }
}

/** How many wildcard expansions a catalog keeps; past that it starts over (patterns repeat a lot). */
const MAX_EXPANSIONS = 4096

/** Splits `service:Action` into a lower-cased prefix and the action name. */
function splitAction(fullName: string): [string, string] | undefined {
  const colon = fullName.indexOf(':')
  if (colon <= 0) return undefined
  return [fullName.slice(0, colon).toLowerCase(), fullName.slice(colon + 1)]
}

/**
 * A catalog over `data`: the service list is read on first use, and each service's actions,
 * resource types and condition keys only when a lookup first needs them, then kept.
 */
export function createCatalog(data: CatalogData): Catalog {
  let names: RawRecords<string> | undefined
  const serviceNames = (): RawRecords<string> => {
    names ??= data.serviceNames()
    return names
  }
  let prefixes: readonly string[] | undefined
  const expansions = new Map<string, readonly ActionInfo[]>()
  const entries = new Map<string, ServiceEntry>()
  const entry = (service: string): ServiceEntry => {
    let found = entries.get(service)
    if (!found) {
      found = {}
      entries.set(service, found)
    }
    return found
  }
  const hasService = (prefix: string): boolean => Object.hasOwn(serviceNames(), prefix.toLowerCase())
  const actionMap = (prefix: string): ReadonlyMap<string, ActionInfo> => {
    const service = prefix.toLowerCase()
    if (!hasService(service)) return new Map()
    const e = entry(service)
    e.actions ??= new Map(
      Object.entries(data.actions(service)).map(([lower, raw]) => [lower, toActionInfo(service, raw)]),
    )
    return e.actions
  }
  const actionList = (prefix: string): readonly ActionInfo[] => {
    const service = prefix.toLowerCase()
    if (!hasService(service)) return []
    const e = entry(service)
    e.actionList ??= [...actionMap(service).values()]
    return e.actionList
  }
  const resourceTypeMap = (prefix: string): ReadonlyMap<string, ResourceTypeInfo> => {
    const service = prefix.toLowerCase()
    if (!hasService(service)) return new Map()
    const e = entry(service)
    e.resourceTypes ??= new Map(
      Object.entries(data.resourceTypes(service)).map(([lower, raw]) => [
        lower,
        { service, name: raw.key, arnFormat: raw.arn, conditionKeys: raw.conditionKeys ?? [] },
      ]),
    )
    return e.resourceTypes
  }
  const conditionKeys = conditionKeyLookup({
    hasService,
    serviceKeys: (service) => {
      const e = entry(service)
      e.conditionKeys ??= data.conditionKeys(service)
      return e.conditionKeys
    },
    unassociatedPrefixes: (() => {
      let cached: Readonly<Record<string, readonly string[]>> | undefined
      return () => {
        cached ??= data.unassociatedConditionPrefixes()
        return cached
      }
    })(),
  })
  const action = (fullName: string): ActionInfo | undefined => {
    const parts = splitAction(fullName)
    return parts ? actionMap(parts[0]).get(parts[1].toLowerCase()) : undefined
  }
  const servicePrefixes = (): readonly string[] => {
    prefixes ??= Object.keys(serviceNames()).sort()
    return prefixes
  }
  return {
    servicePrefixes,
    hasService,
    serviceName: (prefix) => serviceNames()[prefix.toLowerCase()],
    actions: actionList,
    action,
    resolveAction: (fullName) => action(fullName)?.fullName,
    matchActions: (text) => {
      if (!/[*?]/.test(text)) {
        const exact = action(text)
        return exact ? [exact] : []
      }
      const key = text.toLowerCase()
      let matched = expansions.get(key)
      if (!matched) {
        const pattern = compileActionPattern(text)
        const services = pattern.service === undefined ? servicePrefixes() : [pattern.service]
        matched = services.flatMap((service) =>
          actionList(service).filter((info) => pattern.matches(info.fullName)),
        )
        if (expansions.size >= MAX_EXPANSIONS) expansions.clear()
        expansions.set(key, matched)
      }
      return matched
    },
    actionResourceTypes: (fullName): readonly ActionResourceType[] => {
      const info = action(fullName)
      if (!info) return []
      const types = resourceTypeMap(info.service)
      return info.resourceTypes.flatMap((r) => {
        const type = types.get(r.name.toLowerCase())
        return type
          ? [
              {
                service: type.service,
                name: type.name,
                arnFormat: type.arnFormat,
                conditionKeys: type.conditionKeys,
                required: r.required,
              },
            ]
          : []
      })
    },
    resourceTypes: (prefix) => [...resourceTypeMap(prefix).values()],
    conditionKey: conditionKeys.find,
    isConditionKeyPrefix: conditionKeys.isPrefix,
  }
}
