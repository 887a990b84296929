import type { PolicyDocument } from '../policy/index.js'
import type { Catalog } from './catalog-types.js'
import type { CatalogFinding } from './finding.js'
import { actionFindings } from './findings-actions.js'
import { conditionFindings } from './findings-conditions.js'
import { sensitiveActionFindings } from './findings-sensitive-actions.js'
import { tagKeyFindings } from './findings-tag-keys.js'
import { getCatalog } from './load-catalog.js'

/**
 * Access Analyzer-style findings that need the service authorization reference, statement by
 * statement: unknown services, actions and condition keys, operator/key type mismatches, set-qualifier
 * misuse, tag keys the actions do not support, redundant actions, and broad iam:PassRole /
 * iam:CreateServiceLinkedRole grants.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html
 */
export function catalogFindings(
  document: PolicyDocument,
  catalog: Catalog = getCatalog(),
): readonly CatalogFinding[] {
  return document.statements.flatMap((statement) => [
    ...actionFindings(statement, catalog),
    ...sensitiveActionFindings(statement),
    ...conditionFindings(statement, catalog),
    ...tagKeyFindings(statement, catalog),
  ])
}
