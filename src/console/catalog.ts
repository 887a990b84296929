import { type Catalog, type CatalogData, createCatalog } from '../catalog/index.js'

/** dist/console/catalog.json as scripts/console-catalog.ts writes it. */
interface CompactCatalog {
  readonly serviceNames: Record<string, string>
  readonly unassociatedConditionPrefixes: Record<string, string[]>
  readonly actions: Record<string, [string, string][]>
}

/** The catalog data the summaries read: action names and access levels; no resource types or condition keys. */
function compactData(compact: CompactCatalog): CatalogData {
  return {
    serviceNames: () => compact.serviceNames,
    actions: (service) =>
      Object.fromEntries(
        (compact.actions[service] ?? []).map(([name, accessLevel]) => [
          name.toLowerCase(),
          { name, description: '', accessLevel, resourceTypes: [], conditionKeys: [], dependentActions: [] },
        ]),
      ),
    resourceTypes: () => ({}),
    conditionKeys: () => ({}),
    unassociatedConditionPrefixes: () => compact.unassociatedConditionPrefixes,
  }
}

let loading: Promise<Catalog> | undefined

/** The service authorization catalog, fetched once from the console's own files. */
export function loadConsoleCatalog(): Promise<Catalog> {
  loading ??= fetch(`${import.meta.env.BASE_URL}catalog.json`)
    .then((response) => {
      if (!response.ok) throw new Error(`catalog.json: HTTP ${response.status}`)
      return response.json() as Promise<CompactCatalog>
    })
    .then((compact) => createCatalog(compactData(compact)))
  loading.catch(() => {
    loading = undefined
  })
  return loading
}
