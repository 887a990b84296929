import { ACCOUNT_ID, PARTITIONS, parseArn } from '../kernel/arn.js'
import { malformed, type PolicyIssue } from './issues.js'
import { childPath } from './parse-json.js'
import { isTrustPolicyAction } from './validate-action.js'
import type { ValidationContext, ValidationStage } from './validate-context.js'
import { MALFORMED } from './validate-messages.js'
import { entryPath, principalPath, type RawStatement } from './validate-syntax.js'

/** Statement elements a role trust policy must not have. */
const TRUST_PROHIBITED = ['Resource', 'NotResource', 'NotPrincipal'] as const

const FIELD: Readonly<Record<(typeof TRUST_PROHIBITED)[number], keyof RawStatement>> = {
  Resource: 'resource',
  NotResource: 'notResource',
  NotPrincipal: 'notPrincipal',
}

/** AWS: a trust-policy statement with Resource fails before its actions or principal are looked at. */
export const trustProhibitedFields: ValidationStage = (document, { kind }) => {
  if (kind !== 'trust') return []
  return document.statements.flatMap((s) =>
    TRUST_PROHIBITED.filter((key) => s[FIELD[key]] !== undefined).map((key) =>
      malformed(childPath(s.path, key), MALFORMED.prohibitedField(key)),
    ),
  )
}

/** A trust policy may only name the STS role-assumption actions. */
export const trustActions: ValidationStage = (document, { kind }) => {
  if (kind !== 'trust') return []
  const issues: PolicyIssue[] = []
  for (const s of document.statements) {
    s.action?.forEach((action, i) => {
      if (!isTrustPolicyAction(action))
        issues.push(malformed(entryPath(s, 'Action', i), MALFORMED.trustActions))
    })
  }
  return issues
}

const DOMAIN = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i
const PROVIDER = /^(saml-provider\/[\w+=,.@-]+|oidc-provider\/[^\s]+)$/

/** Whether `value` can be a Federated principal: a domain name, or an identity provider ARN (of `accountId`). */
export function isFederatedPrincipal(value: string, accountId?: string): boolean {
  if (DOMAIN.test(value)) return true
  const arn = parseArn(value)
  if (arn === undefined || arn.service !== 'iam' || arn.region !== '') return false
  if (!PARTITIONS.has(arn.partition) || !ACCOUNT_ID.test(arn.account)) return false
  // AWS: the provider must belong to the role's own account.
  if (accountId !== undefined && arn.account !== accountId) return false
  return PROVIDER.test(arn.resource)
}

/** Federated principals of a trust policy must be domain names or provider ARNs of the role's account. */
export const federatedPrincipals: ValidationStage = (document, context: ValidationContext) => {
  if (context.kind !== 'trust') return []
  const issues: PolicyIssue[] = []
  for (const s of document.statements) {
    if (s.principal?.kind !== 'map') continue
    s.principal.entries.get('Federated')?.forEach((value, i) => {
      if (isFederatedPrincipal(value, context.options.accountId)) return
      issues.push(malformed(principalPath(s, 'Principal', 'Federated', i), MALFORMED.federated))
    })
  }
  return issues
}
