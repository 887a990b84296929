import type { PolicyDocument, Statement } from '../policy/index.js'
import { ACCESS_LEVELS } from './access-level.js'
import type { ActionInfo, Catalog } from './catalog-types.js'
import { type StatementGrant, statementGrant } from './statement-grants.js'
import { conditionNote, resourceNote } from './summary-notes.js'
import type { ActionSummaryRow, ServiceSummary } from './summary-types.js'

function actionRows(
  service: string,
  effect: 'Allow' | 'Deny',
  grants: readonly StatementGrant[],
): ActionSummaryRow[] {
  const covering = new Map<string, { info: ActionInfo; statements: Statement[] }>()
  for (const grant of grants) {
    if (grant.statement.effect !== effect) continue
    for (const info of grant.actions.get(service) ?? []) {
      const found = covering.get(info.fullName) ?? { info, statements: [] }
      found.statements.push(grant.statement)
      covering.set(info.fullName, found)
    }
  }
  const rows = [...covering.values()].map(
    ({ info, statements }): ActionSummaryRow => ({
      action: info.name,
      fullName: info.fullName,
      accessLevel: info.accessLevel,
      effect,
      ...resourceNote(statements),
      ...conditionNote(statements),
    }),
  )
  return rows.sort(
    (a, b) =>
      ACCESS_LEVELS.indexOf(a.accessLevel) - ACCESS_LEVELS.indexOf(b.accessLevel) ||
      a.action.localeCompare(b.action),
  )
}

/**
 * The IAM console's service summary for one service: every action the policy allows or explicitly
 * denies, grouped by access level, with the resources and condition keys that apply to it, plus the
 * entries for the service that match no action ("Uncategorized actions").
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_understand-service-summary.html
 */
export function summarizeService(
  document: PolicyDocument,
  catalog: Catalog,
  service: string,
): ServiceSummary {
  const prefix = service.toLowerCase()
  const grants = document.statements.map((statement) => statementGrant(statement, catalog))
  return {
    service: prefix,
    serviceName: catalog.serviceName(prefix) ?? service,
    allow: actionRows(prefix, 'Allow', grants),
    deny: actionRows(prefix, 'Deny', grants),
    uncategorizedActions: [
      ...new Set(
        grants.flatMap((g) => [...(g.unmatched.get(prefix) ?? []), ...(g.unknownServices.get(prefix) ?? [])]),
      ),
    ],
  }
}
