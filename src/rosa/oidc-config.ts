import { randomInt } from 'node:crypto'
import {
  CreateBucketCommand,
  GetObjectCommand,
  HeadBucketCommand,
  PutBucketPolicyCommand,
  PutBucketTaggingCommand,
  PutObjectCommand,
  PutPublicAccessBlockCommand,
} from '@aws-sdk/client-s3'
import { CreateSecretCommand, DescribeSecretCommand } from '@aws-sdk/client-secrets-manager'
import type { Caller } from './caller.js'
import type { RosaDataSet } from './data-set.js'
import { isManagedOidcConfigId, managedIssuerOf, managedKeyIds } from './managed-oidc-config.js'
import { generateOidcKeyPair } from './oidc-keys.js'
import { minifyJson, renderTemplate } from './render-template.js'
import { isAwsError, type RosaClients, type RosaLog } from './rosa-clients.js'

/** The discovery document's key within the bucket. */
export const DISCOVERY_KEY = '.well-known/openid-configuration'
/** The JWKS key within the bucket. */
export const JWKS_KEY = 'keys.json'
/** rosa names the private-key secret `rosa-private-key-<bucket>`. */
export const SECRET_PREFIX = 'rosa-private-key-'
const MANAGED_TAG = 'red-hat-managed=true'

/**
 * Opens an issuer bucket to anonymous reads of its objects, as rosa does: a public access block that still
 * blocks ACLs but allows a public bucket policy, then the data set's public-read bucket policy.
 */
export async function allowPublicObjectReads(
  s3: RosaClients['s3'],
  data: RosaDataSet,
  partition: string,
  bucket: string,
): Promise<void> {
  await s3.send(
    new PutPublicAccessBlockCommand({
      Bucket: bucket,
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        IgnorePublicAcls: true,
        BlockPublicPolicy: false,
        RestrictPublicBuckets: false,
      },
    }),
  )
  const policy = renderTemplate(
    await data.document(data.manifest.oidc.bucket_policy),
    { bucket_name: bucket },
    partition,
  )
  await s3.send(new PutBucketPolicyCommand({ Bucket: bucket, Policy: minifyJson(policy) }))
}

/** An unmanaged OIDC configuration: its id is its bucket name. */
export interface OidcConfig {
  readonly id: string
  readonly bucket: string
  readonly issuerUrl: string
  readonly secretArn: string
  readonly kid: string
}

/** ocm-common's 8-character label, letters and digits alternating (`a1b2c3d4`). */
export function oidcLabel(random: (max: number) => number = randomInt): string {
  const letters = 'abcdefghijklmnopqrstuvwxyz'
  let out = ''
  for (let i = 0; i < 4; i++) out += `${letters[random(26)]}${random(10)}`
  return out
}

/** `oidc-<label>` or `<prefix>-oidc-<label>`; the prefix is at most 15 characters and must suit S3 names. */
export function oidcBucketName(prefix: string | undefined, label: string): string {
  if (prefix !== undefined && (prefix.length > 15 || !/^[a-z0-9][a-z0-9-]*$/.test(prefix))) {
    throw new Error(`--prefix '${prefix}' is invalid: use at most 15 lower-case letters, digits or '-'`)
  }
  return prefix ? `${prefix}-oidc-${label}` : `oidc-${label}`
}

/**
 * The issuer URL of a bucket: path-style on the S3 endpoint the client uses (`http://127.0.0.1:4566/<bucket>` on
 * Lanyard), or the virtual-hosted S3 URL rosa uses when no endpoint is set (real AWS).
 */
export function issuerUrlOf(bucket: string, endpoint: string | undefined, region: string): string {
  if (endpoint) return `${endpoint.replace(/\/$/, '')}/${bucket}`
  return `https://${bucket}.s3.${region}.amazonaws.com`
}

/**
 * Creates an unmanaged OIDC configuration as rosa `create oidc-config --managed=false --mode auto` does: bucket,
 * public access block, public-read bucket policy, tags, discovery document and keys.json, private key secret.
 */
export async function createOidcConfig(
  clients: RosaClients,
  data: RosaDataSet,
  caller: Caller,
  options: { readonly bucket: string; readonly endpoint: string | undefined; readonly region: string },
  log: RosaLog,
): Promise<OidcConfig> {
  const { s3, secrets } = clients
  const bucket = options.bucket
  const exists = await s3.send(new HeadBucketCommand({ Bucket: bucket })).then(
    () => true,
    () => false,
  )
  if (exists) throw new Error(`bucket ${bucket} already exists: choose another --prefix`)
  const issuerUrl = issuerUrlOf(bucket, options.endpoint, options.region)
  const keys = await generateOidcKeyPair()
  log(`generated a 4096-bit RSA key, kid ${keys.kid}`)
  await s3.send(
    new CreateBucketCommand({
      Bucket: bucket,
      ...(options.region === 'us-east-1'
        ? {}
        : { CreateBucketConfiguration: { LocationConstraint: options.region as never } }),
    }),
  )
  log(`created bucket ${bucket}`)
  await allowPublicObjectReads(s3, data, caller.partition, bucket)
  await s3.send(
    new PutBucketTaggingCommand({
      Bucket: bucket,
      Tagging: { TagSet: [{ Key: 'red-hat-managed', Value: 'true' }] },
    }),
  )
  log(`bucket ${bucket}: public access block, public-read policy for objects, tag red-hat-managed=true`)
  const discovery = renderTemplate(await data.document(data.manifest.oidc.discovery_document), {
    issuer: issuerUrl,
  })
  const jwks = JSON.stringify({ keys: [keys.jwk] }, null, 2)
  for (const [key, body] of [
    [DISCOVERY_KEY, discovery],
    [JWKS_KEY, jwks],
  ] as const) {
    await s3.send(
      new PutObjectCommand({
        Bucket: bucket,
        Key: key,
        Body: body,
        ContentType: 'application/json',
        Tagging: MANAGED_TAG,
      }),
    )
    log(`uploaded ${key}`)
  }
  const secretName = `${SECRET_PREFIX}${bucket}`
  const secret = await secrets.send(
    new CreateSecretCommand({
      Name: secretName,
      SecretString: keys.privateKeyPem,
      Description: `Secret for ${secretName}`,
      Tags: [{ Key: 'red-hat-managed', Value: 'true' }],
    }),
  )
  log(`stored the private key in secret ${secret.ARN}`)
  return { id: bucket, bucket, issuerUrl, secretArn: secret.ARN ?? '', kid: keys.kid }
}

/**
 * Reads the issuer of an OIDC configuration: a managed one's from the cluster service, an unmanaged one's from its
 * discovery document (the id is the bucket name).
 */
export async function issuerOfConfig(clients: RosaClients, id: string): Promise<string> {
  if (isManagedOidcConfigId(id) && clients.clusters !== undefined)
    return managedIssuerOf(clients.clusters, id)
  let text: string
  try {
    const got = await clients.s3.send(new GetObjectCommand({ Bucket: id, Key: DISCOVERY_KEY }))
    text = (await got.Body?.transformToString()) ?? ''
  } catch (error) {
    throw new Error(
      `cannot read the OIDC configuration '${id}' (s3://${id}/${DISCOVERY_KEY}): ${(error as Error).name}; ` +
        'pass the id `lanyard rosa create oidc-config` printed',
    )
  }
  const issuer = (JSON.parse(text) as { issuer?: unknown }).issuer
  if (typeof issuer !== 'string') throw new Error(`the discovery document of '${id}' has no issuer`)
  return issuer
}

/** What `describe oidc-config` shows: the issuer, its key id, the private-key secret. */
export interface DescribedOidcConfig {
  readonly id: string
  readonly issuerUrl: string
  readonly kids: readonly string[]
  readonly secretArn: string | undefined
}

/**
 * Reads an OIDC configuration back: an unmanaged one from its bucket and secret; a managed one from the cluster
 * service and its public keys.json (it has no secret: the provider keeps the key).
 */
export async function describeOidcConfig(clients: RosaClients, id: string): Promise<DescribedOidcConfig> {
  const issuerUrl = await issuerOfConfig(clients, id)
  if (isManagedOidcConfigId(id) && clients.clusters !== undefined)
    return { id, issuerUrl, kids: await managedKeyIds(issuerUrl), secretArn: undefined }
  const jwks = await clients.s3.send(new GetObjectCommand({ Bucket: id, Key: JWKS_KEY }))
  const keys =
    (JSON.parse((await jwks.Body?.transformToString()) ?? '{}') as { keys?: { kid?: string }[] }).keys ?? []
  let secretArn: string | undefined
  try {
    secretArn = (await clients.secrets.send(new DescribeSecretCommand({ SecretId: `${SECRET_PREFIX}${id}` })))
      .ARN
  } catch (error) {
    if (!isAwsError(error, 'ResourceNotFoundException')) throw error
  }
  return { id, issuerUrl, kids: keys.map((k) => k.kid ?? ''), secretArn }
}
