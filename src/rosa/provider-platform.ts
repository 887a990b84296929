import { createPrivateKey } from 'node:crypto'
import { readFile, writeFile } from 'node:fs/promises'
import { PutRolePolicyCommand } from '@aws-sdk/client-iam'
import { CreateBucketCommand, HeadBucketCommand, PutObjectCommand } from '@aws-sdk/client-s3'
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@smithy/types'
import { SignJWT } from 'jose'
import type { Caller } from './caller.js'
import { PROVIDER_INSTALLER_ROLE_NAME, PROVIDER_SUPPORT_ROLE_NAME } from './cluster-provider.js'
import type { RosaDataSet } from './data-set.js'
import { ensureRole } from './ensure-role.js'
import { allowPublicObjectReads, DISCOVERY_KEY, issuerUrlOf, JWKS_KEY } from './oidc-config.js'
import { generateOidcKeyPair, type OidcKeyPair } from './oidc-keys.js'
import { createOidcProvider, deleteOidcProvider, issuerHostPath, oidcProviderArn } from './oidc-provider.js'
import { renderTemplate } from './render-template.js'
import type { RosaClients, RosaLog } from './rosa-clients.js'
import { assumeRoleWithWebIdentity } from './sts-credentials.js'

/**
 * The provider's own platform role: what its services (the cluster service's installer, the support tooling, the
 * operator host) run as, on the provider's own cluster, with that cluster's service-account tokens.
 */
export const PROVIDER_PLATFORM_ROLE_NAME = 'RH-Managed-OpenShift-Platform'

/** The service account the provider's services run as on the provider's cluster (the token's `sub`). */
export const PROVIDER_PLATFORM_SUBJECT = 'system:serviceaccount:ocm:clusters-service'

/** The audience of the platform's tokens (as EKS and ROSA HCP projected tokens for STS). */
const AUDIENCE = 'sts.amazonaws.com'

/** The provider cluster's service-account issuer, as kept in the key file beside the credentials file. */
interface PlatformKeyFile {
  readonly issuerUrl: string
  readonly privateKeyPem: string
  readonly jwk: OidcKeyPair['jwk']
}

/** Where the platform's issuer is published and where its signing key is kept. */
export interface ProviderPlatformOptions {
  readonly endpoint: string | undefined
  readonly region: string
  /** The signing key's file (written with mode 0600, beside the data dir's credentials file). */
  readonly keyFile: string
}

const readKeyFile = async (file: string): Promise<PlatformKeyFile | undefined> =>
  readFile(file, 'utf8').then(
    (text) => JSON.parse(text) as PlatformKeyFile,
    (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return undefined
      throw error
    },
  )

/** Publishes the issuer's discovery document and keys in a public-read bucket of the provider account. */
async function publishIssuer(clients: RosaClients, data: RosaDataSet, caller: Caller, key: PlatformKeyFile) {
  const bucket = key.issuerUrl.slice(key.issuerUrl.lastIndexOf('/') + 1)
  const exists = await clients.s3.send(new HeadBucketCommand({ Bucket: bucket })).then(
    () => true,
    () => false,
  )
  if (!exists) await clients.s3.send(new CreateBucketCommand({ Bucket: bucket }))
  await allowPublicObjectReads(clients.s3, data, caller.partition, bucket)
  const discovery = renderTemplate(await data.document(data.manifest.oidc.discovery_document), {
    issuer: key.issuerUrl,
  })
  for (const [Key, Body] of [
    [DISCOVERY_KEY, discovery],
    [JWKS_KEY, JSON.stringify({ keys: [key.jwk] })],
  ] as const)
    await clients.s3.send(
      new PutObjectCommand({ Bucket: bucket, Key, Body, ContentType: 'application/json' }),
    )
}

/**
 * Gives the provider's services an identity of their own, so that no long-term key makes their first call: the
 * provider cluster's service-account issuer (its key in `keyFile`, its discovery document and keys in the provider
 * account's bucket `<account>-platform-oidc`), its IAM OIDC provider, and the role RH-Managed-OpenShift-Platform,
 * which trusts that issuer's `clusters-service` service account and may only assume the two provider roles.
 * Made with the provider admin's `clients`; idempotent (an existing key is kept).
 */
export async function ensureProviderPlatform(
  clients: RosaClients,
  data: RosaDataSet,
  caller: Caller,
  options: ProviderPlatformOptions,
  log: RosaLog,
): Promise<string> {
  const issuerUrl = issuerUrlOf(`${caller.account}-platform-oidc`, options.endpoint, options.region)
  let key = await readKeyFile(options.keyFile)
  if (key === undefined) {
    const pair = await generateOidcKeyPair(2048)
    key = { issuerUrl, privateKeyPem: pair.privateKeyPem, jwk: pair.jwk }
    await writeFile(options.keyFile, JSON.stringify(key), { mode: 0o600 })
    log(`generated the provider platform's service-account signing key (${options.keyFile})`)
  } else if (key.issuerUrl !== issuerUrl) {
    // The issuer URL names the endpoint (a server started on another port): publish the same key at the new one.
    await deleteOidcProvider(clients, caller, key.issuerUrl, log)
    // The key file is parsed JSON: its keys are copied by a spread, never by Object.assign's setter calls.
    key = Object.assign({ ...key }, { issuerUrl })
    await writeFile(options.keyFile, JSON.stringify(key), { mode: 0o600 })
  }
  await publishIssuer(clients, data, caller, key)
  const provider = await createOidcProvider(clients, caller, key.issuerUrl, log)
  const host = issuerHostPath(key.issuerUrl)
  const trust = {
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: { Federated: oidcProviderArn(caller, key.issuerUrl) },
        Action: 'sts:AssumeRoleWithWebIdentity',
        Condition: {
          StringEquals: { [`${host}:sub`]: PROVIDER_PLATFORM_SUBJECT, [`${host}:aud`]: AUDIENCE },
        },
      },
    ],
  }
  const role = await ensureRole(clients, {
    name: PROVIDER_PLATFORM_ROLE_NAME,
    path: '/',
    trustPolicy: JSON.stringify(trust),
    tags: [{ Key: 'red-hat-managed', Value: 'true' }],
  })
  const roleArn = (name: string) => `arn:${caller.partition}:iam::${caller.account}:role/${name}`
  await clients.iam.send(
    new PutRolePolicyCommand({
      RoleName: PROVIDER_PLATFORM_ROLE_NAME,
      PolicyName: `${PROVIDER_PLATFORM_ROLE_NAME}-Policy`,
      PolicyDocument: JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Allow',
            Action: 'sts:AssumeRole',
            Resource: [roleArn(PROVIDER_INSTALLER_ROLE_NAME), roleArn(PROVIDER_SUPPORT_ROLE_NAME)],
          },
        ],
      }),
    }),
  )
  log(
    `role ${PROVIDER_PLATFORM_ROLE_NAME}: ${role.outcome}; trusts ${provider.arn} for ${PROVIDER_PLATFORM_SUBJECT}`,
  )
  return role.arn
}

/**
 * The provider platform's credentials: a service-account token signed with the platform's key, exchanged with
 * sts:AssumeRoleWithWebIdentity (an unsigned call) for RH-Managed-OpenShift-Platform's session; kept until five
 * minutes before it expires.
 */
export function providerPlatformCredentials(
  options: Omit<ProviderPlatformOptions, 'endpoint'> & {
    readonly endpoint: string
    readonly account: string
  },
): AwsCredentialIdentityProvider {
  let current: AwsCredentialIdentity | undefined
  return async () => {
    if (current?.expiration !== undefined && current.expiration.getTime() - Date.now() > 300_000)
      return current
    const key = await readKeyFile(options.keyFile)
    if (key === undefined)
      throw new Error(`the provider platform's key ${options.keyFile} is missing: run 'lanyard rosa init'`)
    const token = await new SignJWT({ sub: PROVIDER_PLATFORM_SUBJECT })
      .setProtectedHeader({ alg: 'RS256', kid: key.jwk.kid })
      .setIssuer(key.issuerUrl)
      .setAudience(AUDIENCE)
      .setIssuedAt()
      .setExpirationTime('10m')
      .sign(createPrivateKey(key.privateKeyPem))
    current = await assumeRoleWithWebIdentity(options.endpoint, options.region, {
      RoleArn: `arn:aws:iam::${options.account}:role/${PROVIDER_PLATFORM_ROLE_NAME}`,
      RoleSessionName: 'clusters-service',
      WebIdentityToken: token,
    })
    return current
  }
}
