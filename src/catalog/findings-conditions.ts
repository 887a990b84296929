import type { ConditionClause, Statement } from '../policy/index.js'
import type { Catalog } from './catalog-types.js'
import {
  isMultiValued,
  operatorFitsKey,
  operatorValueType,
  type ScalarKeyType,
  scalarType,
  splitOperator,
} from './condition-types.js'
import { type CatalogFinding, finding } from './finding.js'
import { FINDING_MESSAGES } from './finding-messages.js'

/**
 * Keys AWS documents with a second data type the reference data does not carry.
 * AWS: aws:EpochTime is "Date, Numeric"; iam-data lists it as Date only.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-epochtime
 */
const SECOND_KEY_TYPES: Readonly<Record<string, ScalarKeyType>> = { 'aws:epochtime': 'Numeric' }

/** The path of one condition key: `Statement[0].Condition.StringEquals.aws:SourceVpc`. */
function conditionPath(statement: Statement, clause: ConditionClause): string {
  return `Statement[${statement.index}].Condition.${clause.operator}.${clause.key}`
}

/**
 * For a tag key written without its tag name (`aws:ResourceTag`, `ec2:ResourceTag/`), the key
 * with its trailing slash; the reference defines such keys only with a `${TagKey}` part.
 */
function tagKeyWithoutName(key: string, catalog: Catalog): string | undefined {
  const stem = key.endsWith('/') ? key.slice(0, -1) : key
  if (stem.includes('/') || !/tag$/i.test(stem)) return undefined
  const defined = catalog.conditionKey(`${stem}/tag-key`)
  return defined?.key.includes('/') ? `${stem}/` : undefined
}

/** The finding for a key the catalog does not define, if its prefix says it should. */
function unknownKeyFinding(
  clause: ConditionClause,
  catalog: Catalog,
  path: string,
): CatalogFinding | undefined {
  const colon = clause.key.indexOf(':')
  if (colon <= 0) return undefined
  const prefix = clause.key.slice(0, colon)
  const missingTagKey = tagKeyWithoutName(clause.key, catalog)
  if (missingTagKey) {
    const message = FINDING_MESSAGES.MISSING_TAG_KEY_IN_CONDITION(missingTagKey)
    return finding('ERROR', 'MISSING_TAG_KEY_IN_CONDITION', path, message)
  }
  if (prefix.toLowerCase() === 'aws') {
    return finding(
      'ERROR',
      'INVALID_GLOBAL_CONDITION_KEY',
      path,
      FINDING_MESSAGES.INVALID_GLOBAL_CONDITION_KEY(clause.key),
    )
  }
  if (catalog.hasService(prefix)) {
    const message = FINDING_MESSAGES.INVALID_SERVICE_CONDITION_KEY(clause.key, prefix.toLowerCase())
    return finding('ERROR', 'INVALID_SERVICE_CONDITION_KEY', path, message)
  }
  // Identity-provider keys (`accounts.google.com:aud`, `oidc.eks.<region>.amazonaws.com/id/<id>:sub`)
  // carry a domain or path as their prefix and are not in the reference.
  if (/[./]/.test(prefix) || catalog.isConditionKeyPrefix(prefix)) return undefined
  return finding('ERROR', 'INVALID_SERVICE', path, FINDING_MESSAGES.INVALID_SERVICE(prefix))
}

/** The findings for one condition clause. */
function clauseFindings(statement: Statement, clause: ConditionClause, catalog: Catalog): CatalogFinding[] {
  const path = conditionPath(statement, clause)
  const key = catalog.conditionKey(clause.key)
  if (!key) {
    const unknown = unknownKeyFinding(clause, catalog, path)
    return unknown ? [unknown] : []
  }
  const parts = splitOperator(clause.operator)
  const operatorType = operatorValueType(parts.base)
  const findings: CatalogFinding[] = []
  const alsoFits = SECOND_KEY_TYPES[clause.key.toLowerCase()] === operatorType
  if (operatorType && !alsoFits && !operatorFitsKey(operatorType, key.type)) {
    const message = FINDING_MESSAGES.TYPE_MISMATCH(scalarType(key.type), clause.operator, clause.key)
    findings.push(finding('WARNING', 'TYPE_MISMATCH', path, message))
  }
  if (parts.base === 'StringLike' && scalarType(key.type) === 'ARN') {
    const message = FINDING_MESSAGES.STRING_LIKE_OPERATOR_WITH_ARN_CONDITION_KEYS(
      'ARN',
      clause.operator,
      clause.key,
    )
    findings.push(finding('SECURITY_WARNING', 'STRING_LIKE_OPERATOR_WITH_ARN_CONDITION_KEYS', path, message))
  }
  if (operatorType && operatorType !== 'Null') {
    if (isMultiValued(key.type) && !parts.qualifier) {
      findings.push(
        finding('ERROR', 'MISSING_QUALIFIER', path, FINDING_MESSAGES.MISSING_QUALIFIER(clause.key)),
      )
    }
    if (!isMultiValued(key.type) && parts.qualifier === 'ForAllValues') {
      const message = FINDING_MESSAGES.FORALLVALUES_WITH_SINGLE_VALUED_KEY(clause.key)
      findings.push(finding('SECURITY_WARNING', 'FORALLVALUES_WITH_SINGLE_VALUED_KEY', path, message))
    }
  }
  return findings
}

/**
 * Access Analyzer's condition-key checks for one statement: keys that do not exist (ERROR),
 * operators of the wrong type for the key (WARNING), StringLike on ARN keys (SECURITY_WARNING), multivalued keys without a set qualifier
 * (ERROR) and ForAllValues on single-valued keys (SECURITY_WARNING).
 */
export function conditionFindings(statement: Statement, catalog: Catalog): CatalogFinding[] {
  return statement.conditions.flatMap((clause) => clauseFindings(statement, clause, catalog))
}
