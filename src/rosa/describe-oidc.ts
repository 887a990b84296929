import { GetOpenIDConnectProviderCommand } from '@aws-sdk/client-iam'
import { GetBucketTaggingCommand, ListBucketsCommand } from '@aws-sdk/client-s3'
import type { Caller } from './caller.js'
import { issuerOfConfig } from './oidc-config.js'
import { oidcProviderArn } from './oidc-provider.js'
import { isAwsError, type RosaClients } from './rosa-clients.js'

/** An IAM OIDC provider as `describe oidc-provider` shows it. */
export interface DescribedOidcProvider {
  readonly arn: string
  readonly issuerUrl: string
  /** The URL IAM stores: the issuer without its scheme. */
  readonly url: string
  readonly clientIds: readonly string[]
  readonly thumbprints: readonly string[]
  readonly createDate: string | undefined
  readonly tags: Readonly<Record<string, string>>
}

/** Reads the OIDC provider of an OIDC configuration's issuer (iam:GetOpenIDConnectProvider). */
export async function describeOidcProvider(
  clients: RosaClients,
  caller: Caller,
  oidcConfigId: string,
): Promise<DescribedOidcProvider> {
  const issuerUrl = await issuerOfConfig(clients, oidcConfigId)
  const arn = oidcProviderArn(caller, issuerUrl)
  try {
    const got = await clients.iam.send(new GetOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: arn }))
    return {
      arn,
      issuerUrl,
      url: got.Url ?? '',
      clientIds: got.ClientIDList ?? [],
      thumbprints: got.ThumbprintList ?? [],
      createDate: got.CreateDate?.toISOString(),
      tags: Object.fromEntries((got.Tags ?? []).map((t) => [t.Key ?? '', t.Value ?? ''])),
    }
  } catch (error) {
    if (!isAwsError(error, 'NoSuchEntity')) throw error
    throw new Error(
      `no OIDC provider for ${issuerUrl}: run \`lanyard rosa create oidc-provider --oidc-config-id ${oidcConfigId}\``,
    )
  }
}

/** The bucket names ocm-common gives unmanaged OIDC configurations: `[<prefix>-]oidc-a1b2c3d4`. */
const CONFIG_BUCKET = /^(?:[a-z0-9-]+-)?oidc-(?:[a-z][0-9]){4}$/

/** An OIDC configuration found by `list oidc-config`. */
export interface ListedOidcConfig {
  readonly id: string
  readonly issuerUrl: string
}

/**
 * The OIDC configurations, by id: the managed ones the cluster service keeps for the account, and the unmanaged
 * ones (buckets named as rosa names them, tagged red-hat-managed=true).
 */
export async function listOidcConfigs(clients: RosaClients): Promise<ListedOidcConfig[]> {
  const buckets = (await clients.s3.send(new ListBucketsCommand({}))).Buckets ?? []
  const managed = clients.clusters === undefined ? [] : await clients.clusters.listOidcConfigs()
  const found: ListedOidcConfig[] = managed.map((c) => ({ id: c.id, issuerUrl: c.issuer_url }))
  for (const bucket of buckets) {
    const id = bucket.Name ?? ''
    if (!CONFIG_BUCKET.test(id)) continue
    let tags: { Key?: string; Value?: string }[]
    try {
      tags = (await clients.s3.send(new GetBucketTaggingCommand({ Bucket: id }))).TagSet ?? []
    } catch (error) {
      if (isAwsError(error, 'NoSuchTagSet')) continue
      throw error
    }
    if (!tags.some((t) => t.Key === 'red-hat-managed' && t.Value === 'true')) continue
    found.push({ id, issuerUrl: await issuerOfConfig(clients, id) })
  }
  return found.sort((a, b) => a.id.localeCompare(b.id))
}
