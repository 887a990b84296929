import { parseArn } from '../kernel/arn.js'
import { type ContextValue, contextValue, type RequestContext } from './context.js'
import type { PrincipalFacts } from './principal.js'

/** Web-identity providers AWS knows without an IAM OIDC provider object. */
export const BUILT_IN_WEB_IDENTITY_PROVIDERS: ReadonlySet<string> = new Set([
  'cognito-identity.amazonaws.com',
  'accounts.google.com',
  'www.amazon.com',
  'graph.facebook.com',
])

const SERVICE_PRINCIPAL = /^[a-z0-9][a-z0-9.-]*\.amazonaws\.com(\.cn)?$/

/**
 * The PrincipalFacts of a caller named by an ARN (root, user, role, assumed-role session, federated user,
 * OIDC or SAML provider), `*` (anonymous), a service principal or a built-in web-identity provider.
 * `context` supplies what the name cannot: `aws:PrincipalArn` (the role ARN with its path for a session)
 * and `aws:userid` (the unique id). Returns `undefined` for text that names no caller.
 */
export function principalFacts(text: string, context?: RequestContext): PrincipalFacts | undefined {
  if (text === '*') return { type: 'Anonymous', arn: '*', account: '', principalArn: '*' }
  if (BUILT_IN_WEB_IDENTITY_PROVIDERS.has(text)) return federated('WebIdentity', text, '')
  if (SERVICE_PRINCIPAL.test(text))
    return { type: 'Service', arn: text, account: '', principalArn: text, service: text }
  const arn = parseArn(text)
  if (arn === undefined || arn.account === '' || arn.region !== '') return undefined
  const { partition, account, resource } = arn
  const userid = context ? single(contextValue(context, 'aws:userid')) : undefined
  if (arn.service === 'iam') {
    if (resource === 'root') return { type: 'Account', arn: text, account, principalArn: text }
    if (resource.startsWith('user/') && lastSegment(resource) !== '') {
      return { type: 'User', arn: text, account, principalArn: text, uniqueId: userid }
    }
    if (resource.startsWith('role/') && lastSegment(resource) !== '') {
      // A role names every session of it; the session name comes from `aws:userid` when given.
      const session = userid?.includes(':') ? userid.slice(userid.indexOf(':') + 1) : lastSegment(resource)
      const sessionArn = `arn:${partition}:sts::${account}:assumed-role/${lastSegment(resource)}/${session}`
      return { type: 'AssumedRole', arn: sessionArn, account, principalArn: text, uniqueId: idPart(userid) }
    }
    if (resource.startsWith('oidc-provider/') && resource.length > 14)
      return federated('WebIdentity', text, account)
    if (resource.startsWith('saml-provider/') && resource.length > 14) return federated('SAML', text, account)
    return undefined
  }
  if (arn.service !== 'sts') return undefined
  const parts = resource.split('/')
  if (parts[0] === 'assumed-role' && parts.length === 3 && parts[1] && parts[2]) {
    const roleArn = context ? single(contextValue(context, 'aws:PrincipalArn')) : undefined
    const fallback = `arn:${partition}:iam::${account}:role/${parts[1]}`
    // The role ARN with its path: same partition, account and role name as the session.
    const ours =
      roleArn?.startsWith(`arn:${partition}:iam::${account}:role/`) && lastSegment(roleArn) === parts[1]
    const principalArn = ours ? roleArn! : fallback
    return { type: 'AssumedRole', arn: text, account, principalArn, uniqueId: idPart(userid) }
  }
  if (parts[0] === 'federated-user' && parts.length === 2 && parts[1]) {
    return { type: 'FederatedUser', arn: text, account, principalArn: text }
  }
  return undefined
}

/**
 * The request context with the principal's default keys added where absent: `aws:PrincipalArn`,
 * `aws:PrincipalAccount`, `aws:PrincipalType`, `aws:userid` (when known) and `aws:username` (users);
 * `aws:PrincipalServiceName` and `aws:PrincipalIsAWSService` for service principals.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html#principaltable
 */
export function withPrincipalContext(facts: PrincipalFacts, context: RequestContext): RequestContext {
  const out = new Map<string, ContextValue>(context)
  const put = (key: string, value: string | undefined) => {
    if (value !== undefined && !out.has(key)) out.set(key, value)
  }
  switch (facts.type) {
    case 'Account':
      put('aws:userid', facts.account)
      break
    case 'User':
      put('aws:userid', facts.uniqueId)
      put('aws:username', lastSegment(facts.arn.slice(facts.arn.indexOf(':user/') + 1)))
      break
    case 'AssumedRole':
      if (facts.uniqueId) put('aws:userid', `${facts.uniqueId}:${lastSegment(facts.arn)}`)
      break
    case 'FederatedUser':
      put('aws:userid', `${facts.account}:${lastSegment(facts.arn)}`)
      break
    case 'Anonymous':
      put('aws:userid', 'anonymous')
      put('aws:principalaccount', 'anonymous')
      put('aws:principaltype', 'Anonymous')
      return out
    case 'Service':
      put('aws:principalservicename', facts.service)
      put('aws:principalisawsservice', 'true')
      return out
    default:
      // Web-identity and SAML callers make unsigned calls: no principal keys.
      return out
  }
  put('aws:principalarn', facts.principalArn)
  put('aws:principalaccount', facts.account)
  put('aws:principaltype', facts.type)
  return out
}

function federated(type: 'WebIdentity' | 'SAML', provider: string, account: string): PrincipalFacts {
  return { type, arn: provider, account, principalArn: provider, federatedProvider: provider }
}

function lastSegment(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1)
}

function single(value: ContextValue | undefined): string | undefined {
  return typeof value === 'string' ? value : undefined
}

/** The unique-id part of an `aws:userid` (`AROA…:session` → `AROA…`). */
function idPart(userid: string | undefined): string | undefined {
  if (userid === undefined || userid === '') return undefined
  const colon = userid.indexOf(':')
  return colon < 0 ? userid : userid.slice(0, colon)
}
