import { type Catalog, statementGrant } from '../../../catalog/index.js'
import { parsePolicy } from '../../../policy/index.js'

/**
 * The service namespaces (lower case, sorted) that at least one Allow statement of the documents grants an action
 * of, with Action and NotAction expanded over the service authorization reference.
 * AWS: only permissions policies count; Deny statements, boundaries and resource policies do not narrow the list.
 */
export function allowedServices(documents: readonly string[], catalog: Catalog): string[] {
  const services = new Set<string>()
  for (const text of documents) {
    const parsed = parsePolicy(text)
    if (!parsed.ok) continue
    for (const statement of parsed.document.statements) {
      if (statement.effect !== 'Allow') continue
      for (const service of statementGrant(statement, catalog).actions.keys()) services.add(service)
    }
  }
  return [...services].sort()
}
