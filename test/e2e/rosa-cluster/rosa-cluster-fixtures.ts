import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { CreateRoleCommand, IAMClient, PutRolePolicyCommand } from '@aws-sdk/client-iam'
import { addAccount } from '../../../src/app.js'
import { ClusterApi } from '../../../src/rosa/cluster-api.js'
import { DEFAULT_PROVIDER_ACCOUNT, ensureProviderRoles } from '../../../src/rosa/cluster-provider.js'
import { resolveConfig } from '../../../src/server/index.js'
import type { TestServer } from '../start.js'

/** The customer account of a test server (its default account). */
export const CUSTOMER = '000000000000'

/** Long-term keys. */
export interface Keys {
  readonly accessKeyId: string
  readonly secretAccessKey: string
}

const DATA = join(import.meta.dirname, '../../../data/rosa/4.22')

/** An SDK client config for the test server. */
export const sdk = (server: TestServer, credentials: Keys) => ({
  endpoint: server.url,
  region: 'us-east-1',
  credentials,
  maxAttempts: 1,
})

/** The cluster service as `credentials`. */
export const clusterApi = (server: TestServer, credentials: Keys): ClusterApi =>
  new ClusterApi({ endpoint: server.url, region: 'us-east-1', credentials })

/** `lanyard rosa init` as the test does it: the provider account and its two roles. */
export async function initProvider(server: TestServer): Promise<Keys> {
  const admin = await addAccount(resolveConfig({ dataDir: server.dataDir }, {}), {
    id: DEFAULT_PROVIDER_ACCOUNT,
  })
  const keys = { accessKeyId: admin.accessKeyId, secretAccessKey: admin.secretAccessKey }
  const iam = new IAMClient(sdk(server, keys))
  await ensureProviderRoles(iam, DEFAULT_PROVIDER_ACCOUNT)
  iam.destroy()
  return keys
}

const roles = [
  { type: 'installer', suffix: 'Installer', trust: 'installer.trust-policy.template.json' },
  { type: 'support', suffix: 'Support', trust: 'support.trust-policy.template.json' },
  { type: 'instance_controlplane', suffix: 'ControlPlane', trust: 'controlplane.trust-policy.json' },
  { type: 'instance_worker', suffix: 'Worker', trust: 'worker.trust-policy.json' },
]

const permissionFile: Record<string, string> = {
  installer: 'installer.permission-policy.json',
  support: 'support.permission-policy.json',
  instance_controlplane: 'controlplane.permission-policy.json',
  instance_worker: 'worker.permission-policy.json',
}

/**
 * The four classic account roles with the 4.22 documents and rosa's tags, as `rosa create account-roles` makes
 * them (inline permission policies here; rosa attaches customer-managed ones with the same text).
 */
export async function createAccountRoles(
  server: TestServer,
  prefix: string,
  externalId?: string,
): Promise<void> {
  const iam = new IAMClient(sdk(server, server.credentials))
  for (const role of roles) {
    let trust = (await readFile(join(DATA, role.trust), 'utf8')).replaceAll(
      '%{aws_account_id}',
      DEFAULT_PROVIDER_ACCOUNT,
    )
    if (externalId !== undefined && role.type === 'installer') {
      const doc = JSON.parse(trust)
      doc.Statement[0].Condition = { StringEquals: { 'sts:ExternalId': externalId } }
      trust = JSON.stringify(doc)
    }
    const name = `${prefix}-${role.suffix}-Role`
    await iam.send(
      new CreateRoleCommand({
        RoleName: name,
        AssumeRolePolicyDocument: trust,
        Tags: [
          { Key: 'rosa_openshift_version', Value: '4.22' },
          { Key: 'rosa_role_prefix', Value: prefix },
          { Key: 'rosa_role_type', Value: role.type },
          { Key: 'red-hat-managed', Value: 'true' },
        ],
      }),
    )
    await iam.send(
      new PutRolePolicyCommand({
        RoleName: name,
        PolicyName: `${name}-Policy`,
        PolicyDocument: await readFile(join(DATA, permissionFile[role.type]!), 'utf8'),
      }),
    )
  }
  iam.destroy()
}
