/** Access Analyzer's finding types. */
export type FindingType = 'ERROR' | 'SECURITY_WARNING' | 'WARNING' | 'SUGGESTION'

/** How a finding is graded in Lanyard's issue lists. */
export type FindingSeverity = 'error' | 'warning' | 'suggestion'

/** One Access Analyzer-style finding; shaped like policy's PolicyIssue with a wider severity. */
export interface CatalogFinding {
  readonly severity: FindingSeverity
  /** JSON path of the element, e.g. `Statement[0].Action[1]`. */
  readonly path: string
  /** Access Analyzer's `findingDetails` text with the placeholders filled in. */
  readonly message: string
  /** Access Analyzer's issue code, e.g. `INVALID_ACTION`. */
  readonly code: string
  readonly findingType: FindingType
}

const SEVERITY: Readonly<Record<FindingType, FindingSeverity>> = {
  ERROR: 'error',
  SECURITY_WARNING: 'warning',
  WARNING: 'warning',
  SUGGESTION: 'suggestion',
}

/** Builds a finding; the severity follows from Access Analyzer's finding type. */
export function finding(
  findingType: FindingType,
  code: string,
  path: string,
  message: string,
): CatalogFinding {
  return { severity: SEVERITY[findingType], path, message, code, findingType }
}

/** The JSON path of a statement element entry, e.g. `Statement[0].Action[1]`. */
export function elementPath(statement: number, element: string, entry?: number): string {
  return entry === undefined
    ? `Statement[${statement}].${element}`
    : `Statement[${statement}].${element}[${entry}]`
}
