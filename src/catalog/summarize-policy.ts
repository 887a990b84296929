import type { PolicyDocument } from '../policy/index.js'
import type { ActionInfo, Catalog } from './catalog-types.js'
import { type StatementGrant, statementGrant } from './statement-grants.js'
import { accessNote, conditionNote, resourceNote } from './summary-notes.js'
import type { PolicySummary, ServiceSummaryRow } from './summary-types.js'
import { uncategorizedServices } from './summary-uncategorized.js'

type Effect = 'Allow' | 'Deny'

/** Sorts by service name, case-insensitively, then prefix; plain comparisons (collators are slow here). */
function sortByName<T extends { serviceName: string; service: string }>(rows: T[]): T[] {
  const key = (row: T) => `${row.serviceName.toLowerCase()}\u0000${row.service}`
  return rows
    .map((row) => ({ row, key: key(row) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map(({ row }) => row)
}

/** One Allow or Explicit deny row for a service from the statements of that effect. */
function serviceRow(service: string, effect: Effect, grants: readonly StatementGrant[], catalog: Catalog) {
  const covering = grants.filter((g) => g.actions.has(service))
  const granted = new Map<string, ActionInfo>()
  for (const grant of covering)
    for (const info of grant.actions.get(service)!) granted.set(info.fullName, info)
  const statements = covering.map((g) => g.statement)
  const row: ServiceSummaryRow = {
    service,
    serviceName: catalog.serviceName(service) ?? service,
    effect,
    ...accessNote([...granted.values()], catalog.actions(service)),
    grantedActions: granted.size,
    totalActions: catalog.actions(service).length,
    ...resourceNote(statements),
    ...conditionNote(statements),
    unrecognizedActions: [...new Set(grants.flatMap((g) => g.unmatched.get(service) ?? []))],
  }
  return row
}

/** Rows and uncategorized services for one effect. */
function effectSection(effect: Effect, grants: readonly StatementGrant[], catalog: Catalog) {
  const mine = grants.filter((g) => g.statement.effect === effect)
  const services = new Set(mine.flatMap((g) => [...g.actions.keys()]))
  const rows = sortByName([...services].map((service) => serviceRow(service, effect, mine, catalog)))
  const uncategorized = uncategorizedServices(effect, mine, services, catalog)
  return { rows, uncategorized }
}

/**
 * The IAM console's policy summary: one row per service under Allow and under Explicit deny, with
 * the access level (Full access, or Full/Limited per level), the resources and the condition keys.
 * Wildcards and NotAction expand over the catalog; services the catalog does not know, known
 * services whose entries match no action, and services named only in resources or condition keys
 * are listed apart, as the console does.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_understand-policy-summary.html
 */
export function summarizePolicy(document: PolicyDocument, catalog: Catalog): PolicySummary {
  const grants = document.statements.map((statement) => statementGrant(statement, catalog))
  const allow = effectSection('Allow', grants, catalog)
  const deny = effectSection('Deny', grants, catalog)
  const uncategorized = [...deny.uncategorized, ...allow.uncategorized].sort(
    (a, b) => a.service.localeCompare(b.service) || a.effect.localeCompare(b.effect),
  )
  return { allow: allow.rows, deny: deny.rows, uncategorized }
}
