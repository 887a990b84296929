import type { OidcProviderRecord } from '../../../store/index.js'
import { toTagShapes } from './tags.js'

/** An OIDC provider → the GetOpenIDConnectProvider output (AWS: `Url` without the scheme). */
export function toOidcProviderOutput(provider: OidcProviderRecord): Record<string, unknown> {
  return {
    Url: provider.url,
    ClientIDList: provider.clientIds,
    ThumbprintList: provider.thumbprints,
    CreateDate: provider.createdAt,
    Tags: toTagShapes(provider.tags),
  }
}
