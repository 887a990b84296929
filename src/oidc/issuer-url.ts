/** Loopback hosts, for which Lanyard accepts plain-http issuers (its own issuer runs on http://127.0.0.1). */
const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i

/** Whether an issuer URL may be used: https, or http on a loopback host. */
export function isAcceptedIssuer(issuer: string): boolean {
  let url: URL
  try {
    url = new URL(issuer)
  } catch {
    return false
  }
  if (url.protocol === 'https:') return true
  return url.protocol === 'http:' && LOOPBACK.test(url.hostname)
}

/** An issuer URL without its scheme, as IAM keys OIDC providers (`host/path`, trailing slash kept). */
export function withoutScheme(issuer: string): string {
  return issuer.replace(/^https?:\/\//i, '')
}
