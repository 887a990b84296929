import { ACCOUNT_ID, PARTITIONS, parseArn } from '../kernel/arn.js'
import { malformed, type PolicyIssue, policyWarning } from './issues.js'
import { childPath } from './parse-json.js'
import { PRINCIPAL_FORBIDDEN, type ValidationStage } from './validate-context.js'
import { MALFORMED } from './validate-messages.js'
import { principalPath, type RawPrincipal } from './validate-syntax.js'

/** Identity, boundary and session policies must not name a principal. */
export const principalForbidden: ValidationStage = (document, { kind }) => {
  if (!PRINCIPAL_FORBIDDEN.has(kind)) return []
  return document.statements.flatMap((s) =>
    (['Principal', 'NotPrincipal'] as const)
      .filter((key) => (key === 'Principal' ? s.principal : s.notPrincipal) !== undefined)
      .map((key) => malformed(childPath(s.path, key), MALFORMED.principalForbidden)),
  )
}

/** Resource and trust policies need a principal in every statement. */
export const principalRequired: ValidationStage = (document, { kind }) => {
  const issues: PolicyIssue[] = []
  for (const s of document.statements) {
    if (kind === 'trust' && !namesSomeone(s.principal)) {
      issues.push(malformed(s.path, MALFORMED.trustNoPrincipal))
    } else if (kind === 'resource' && s.principal === undefined && s.notPrincipal === undefined) {
      issues.push(malformed(s.path, MALFORMED.resourceNoPrincipal))
    } else if (kind === 'resource' && s.notPrincipal !== undefined && s.effect === 'Allow') {
      issues.push(
        policyWarning(
          childPath(s.path, 'NotPrincipal'),
          'Allow with NotPrincipal grants access to every principal not listed, including anonymous callers.',
          'AllowWithNotPrincipal',
        ),
      )
    }
  }
  return issues
}

function namesSomeone(principal: RawPrincipal | undefined): boolean {
  if (principal === undefined) return false
  return principal.kind === 'any' || [...principal.entries.values()].some((values) => values.length > 0)
}

const UNIQUE_ID = /^A(IDA|ROA)[A-Z0-9]{12,}$/
const WILDCARD = /[*?]/
/** IAM and STS resource shapes a principal ARN may have. */
const PRINCIPAL_RESOURCES: Readonly<Record<string, RegExp>> = {
  iam: /^(root|user\/.+|role\/.+)$/,
  sts: /^(assumed-role\/[^/]+\/[^/]+|federated-user\/.+)$/,
}
const OAI = 'user/CloudFront Origin Access Identity '
const SERVICE_PRINCIPAL = /^[a-z0-9][a-z0-9.-]*\.(amazonaws\.com|amazonaws\.com\.cn|amazon\.com)$/i

/** Whether `value` can be an `AWS` principal: `*`, an account id, a unique id, or an IAM/STS principal ARN. */
export function isAwsPrincipal(value: string): boolean {
  if (value === '*' || ACCOUNT_ID.test(value) || UNIQUE_ID.test(value)) return true
  // AWS: `*` is the only wildcard a principal may use.
  if (WILDCARD.test(value)) return false
  const arn = parseArn(value)
  const shape = arn === undefined ? undefined : PRINCIPAL_RESOURCES[arn.service]
  if (arn === undefined || shape === undefined) return false
  // AWS: S3 bucket policies name CloudFront origin access identities as users of the `cloudfront` account.
  const account =
    ACCOUNT_ID.test(arn.account) || (arn.account === 'cloudfront' && arn.resource.startsWith(OAI))
  return PARTITIONS.has(arn.partition) && arn.region === '' && account && shape.test(arn.resource)
}

/** Principal values of resource and trust policies must name real kinds of principals. */
export const principalValues: ValidationStage = (document, { kind }) => {
  if (kind !== 'resource' && kind !== 'trust') return []
  const issues: PolicyIssue[] = []
  for (const s of document.statements) {
    for (const [key, block] of [
      ['Principal', s.principal],
      ['NotPrincipal', s.notPrincipal],
    ] as const) {
      if (block?.kind !== 'map') continue
      const check = (type: string, valid: (v: string) => boolean) =>
        (block.entries.get(type) ?? []).forEach((value, i) => {
          if (valid(value)) return
          issues.push(
            malformed(principalPath(s, key, type, i), MALFORMED.invalidPrincipal(type.toUpperCase(), value)),
          )
        })
      check('AWS', isAwsPrincipal)
      check('Service', (v) => SERVICE_PRINCIPAL.test(v))
    }
  }
  return issues
}
