import { type PolicyDocument, parseTemplate, type Statement } from '../../../policy/index.js'

/**
 * The context keys a statement uses: its condition keys and the keys of the policy variables in its
 * Resource/NotResource and condition values (2012-10-17 only), in document order, as written.
 */
export function statementKeys(statement: Statement, version: PolicyDocument['version']): string[] {
  const keys: string[] = []
  const variables = (text: string) => {
    if (version !== '2012-10-17') return
    for (const part of parseTemplate(text))
      if (typeof part !== 'string' && part.key !== '') keys.push(part.key)
  }
  for (const resource of [...(statement.resource ?? []), ...(statement.notResource ?? [])])
    variables(resource)
  for (const clause of statement.conditions) {
    keys.push(clause.key)
    for (const value of clause.values) variables(value)
  }
  return keys
}

/** Every context key of the documents, de-duplicated ignoring case, first spelling kept, in order. */
export function documentKeys(documents: readonly PolicyDocument[]): string[] {
  const seen = new Map<string, string>()
  for (const document of documents) {
    for (const statement of document.statements) {
      for (const key of statementKeys(statement, document.version)) {
        if (!seen.has(key.toLowerCase())) seen.set(key.toLowerCase(), key)
      }
    }
  }
  return [...seen.values()]
}
