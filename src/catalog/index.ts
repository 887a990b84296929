export { ACCESS_LEVELS, type AccessLevel } from './access-level.js'
export type {
  ActionInfo,
  ActionResourceType,
  Catalog,
  ConditionKeyInfo,
  ResourceTypeInfo,
} from './catalog-types.js'
export type { ConditionKeyType } from './condition-types.js'
export { createCatalog } from './create-catalog.js'
export type { CatalogFinding, FindingSeverity, FindingType } from './finding.js'
export { catalogFindings } from './findings.js'
export { type CatalogData, iamDataFiles } from './iam-data-files.js'
export { getCatalog, loadCatalog } from './load-catalog.js'
export { type StatementGrant, statementGrant } from './statement-grants.js'
export { summarizePolicy } from './summarize-policy.js'
export { summarizeService } from './summarize-service.js'
export type {
  ActionSummaryRow,
  LevelAccess,
  PolicySummary,
  ServiceSummary,
  ServiceSummaryRow,
  UncategorizedService,
} from './summary-types.js'
