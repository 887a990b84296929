import type { ContextValue } from '../../policy/index.js'
import type { OidcProviderRecord } from '../../store/index.js'
import type { AuthorizationRequest, OperationContext } from '../operation.js'
import { PARTITION } from './arns.js'
import { invalidInput } from './errors.js'
import { noSuchOidcProvider, noThumbprints, tooManyClientIds, tooManyThumbprints } from './errors-roles.js'
import { callerAccount } from './role-access.js'
import { resourceTagContext } from './tag-edits.js'

/** AWS: at most 100 client ids per provider and 5 thumbprints. */
const MAX_CLIENT_IDS = 100
const MAX_THUMBPRINTS = 5
const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[::1\])(:\d+)?$/i
const THUMBPRINT = /^[0-9a-f]{40}$/i

/** `arn:aws:iam::A:oidc-provider/<url without the scheme>`. */
export const oidcProviderArn = (account: string, url: string): string =>
  `arn:${PARTITION}:iam::${account}:oidc-provider/${url}`

/**
 * A provider URL as IAM keys it: without the scheme, `:443` dropped, path kept as written (a trailing slash makes
 * another provider). It must use https; Lanyard also accepts http for loopback hosts, where its own issuer runs.
 */
export function providerUrl(url: string): string {
  const scheme = /^https:\/\//i.test(url) ? 'https' : /^http:\/\//i.test(url) ? 'http' : undefined
  const rest = scheme === undefined ? '' : url.slice(scheme.length + 3)
  const slash = rest.indexOf('/')
  const host = slash < 0 ? rest : rest.slice(0, slash)
  const path = slash < 0 ? '' : rest.slice(slash)
  // AWS: unverified wording; a query or fragment, a missing host or another scheme is refused.
  if (
    scheme === undefined ||
    host === '' ||
    /[?#\s]/.test(rest) ||
    (scheme === 'http' && !LOOPBACK.test(host))
  )
    throw invalidInput(`Invalid URL: ${url}`)
  return `${scheme === 'https' ? host.replace(/:443$/, '') : host}${path}`
}

/** Client ids without duplicates, in their first order; LimitExceeded past 100. */
export function clientIdList(ids: readonly string[]): string[] {
  const unique = [...new Set(ids)]
  if (unique.length > MAX_CLIENT_IDS) throw tooManyClientIds()
  return unique
}

/** Thumbprints lower-cased; InvalidInput past five, or when `required` and empty. */
export function thumbprintList(prints: readonly string[], required: boolean): string[] {
  if (prints.length > MAX_THUMBPRINTS) throw tooManyThumbprints()
  if (required && prints.length === 0) throw noThumbprints()
  // AWS: unverified wording; the model already checks the length.
  for (const print of prints)
    if (!THUMBPRINT.test(print)) throw invalidInput(`Thumbprint ${print} is not a 40-character hex string.`)
  return prints.map((print) => print.toLowerCase())
}

/** The provider an ARN names in the caller's account; NoSuchEntity when there is none. */
export async function requireOidcProvider(ctx: OperationContext, arn: unknown): Promise<OidcProviderRecord> {
  const provider = await ctx.store.oidcProviders.get(String(arn))
  if (provider === undefined || provider.accountId !== callerAccount(ctx))
    throw noSuchOidcProvider(String(arn))
  return provider
}

/** What a call on a provider authorizes: the action on its ARN, with its tags. */
export async function oidcProviderAuthorization(
  ctx: OperationContext,
  action: string,
  arn: unknown,
  context: Record<string, ContextValue> = {},
): Promise<AuthorizationRequest> {
  const provider = await ctx.store.oidcProviders.get(String(arn))
  const tags = provider?.accountId === callerAccount(ctx) ? resourceTagContext(provider.tags) : {}
  return { action, resource: String(arn), context: Object.assign(tags, context) }
}

/** The string list a model-validated member holds (empty when absent). */
export const stringList = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : [])
