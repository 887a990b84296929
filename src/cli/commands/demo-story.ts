import { openSupportSession } from '../../rosa/index.js'
import {
  callLine,
  deleteVolume,
  describeClusterInstances,
  describeClusterVolumes,
  ec2Session,
} from './demo-support.js'
import { runCreateAccountRoles, runDeleteAccountRoles } from './rosa-account-roles.js'
import { providerConfig, runCreateCluster, runDeleteCluster, runRosaInit } from './rosa-cluster.js'
import { runCreateVolume, runScale } from './rosa-cluster-operators.js'
import {
  runCreateOidcConfig,
  runCreateOidcProvider,
  runDeleteOidcConfig,
  runDeleteOidcProvider,
} from './rosa-oidc.js'
import { runCreateOperatorRoles, runDeleteOperatorRoles } from './rosa-operator-roles.js'
import { runRosaRevoke } from './rosa-revoke.js'

/** Where the story runs: the server's endpoint and the `lanyard env` variables of its data dir. */
export interface StoryContext {
  readonly endpoint: string
  readonly region: string
  readonly env: NodeJS.ProcessEnv
  readonly say: (line: string) => void
}

/** The names the story uses. */
export const STORY = {
  cluster: 'demo',
  accountRolesPrefix: 'ManagedOpenShift',
  operatorRolesPrefix: 'demo-ops',
  version: '4.22',
  provider: '710019948333',
} as const

// Only `output`, which no literal below names: spread last, after the named members.
const flags = { output: 'text' } as const
const quiet = (): void => {}

/** Lines of the installer worth narrating: the steps, the role it assumed, the operators, the end. */
const INSTALL_LINE = /assumed |step: |operator |install complete|uninstall complete/

/**
 * The ROSA story as a customer and the provider live it: set-up, install, a support session, a revocation and the
 * teardown; narrated through `ctx.say`. Throws at the first step that fails.
 */
export async function tellStory(ctx: StoryContext): Promise<void> {
  const { env, say } = ctx
  say('== The managed-service provider (lanyard rosa init)')
  const init = await runRosaInit({ ...flags }, quiet, env)
  say(`  provider account ${init.account}, roles: ${init.roles.map((r) => r.split('/').pop()).join(', ')}`)
  say(`  the provider's services start as ${init.platform} (web identity of the provider's own cluster)`)

  say(`== Account roles (lanyard rosa create account-roles --prefix ${STORY.accountRolesPrefix} --mode auto)`)
  const account = await runCreateAccountRoles(
    {
      prefix: STORY.accountRolesPrefix,
      path: '/',
      mode: 'auto',
      version: STORY.version,
      providerAccount: STORY.provider,
      ...flags,
    },
    quiet,
    env,
  )
  for (const role of account.roles) say(`  ${role.roleArn}`)

  say(
    '== OIDC configuration and provider (lanyard rosa create oidc-config --managed=false; create oidc-provider)',
  )
  const oidc = await runCreateOidcConfig({ managed: 'false', version: STORY.version, ...flags }, quiet, env)
  await runCreateOidcProvider({ oidcConfigId: oidc.id, ...flags }, quiet, env)
  say(
    `  issuer ${oidc.issuerUrl} (key ${oidc.kid}); its private key is in Secrets Manager, not with the provider`,
  )

  say(`== Operator roles (lanyard rosa create operator-roles --prefix ${STORY.operatorRolesPrefix})`)
  const operators = await runCreateOperatorRoles(
    { prefix: STORY.operatorRolesPrefix, oidcConfigId: oidc.id, version: STORY.version, ...flags },
    quiet,
    env,
  )
  for (const o of operators) say(`  ${o.roleArn} (trusts ${o.namespace} service accounts)`)

  say(`== Create cluster ${STORY.cluster}: the provider installs with temporary credentials only`)
  const cluster = await runCreateCluster(
    {
      clusterName: STORY.cluster,
      rolePrefix: STORY.accountRolesPrefix,
      operatorRolesPrefix: STORY.operatorRolesPrefix,
      oidcConfigId: oidc.id,
      version: STORY.version,
      ...flags,
    },
    (line) => {
      if (INSTALL_LINE.test(line)) say(`  ${line.trim()}`)
    },
    env,
  )
  say(`  cluster ${cluster.name} (${cluster.id}) is ${cluster.state}, infra id ${cluster.infra_id}`)

  say(`== Day 2 (lanyard rosa scale -c ${STORY.cluster} --compute-nodes 3; create volume --size 10)`)
  const day2 = { cluster: STORY.cluster, providerAccount: STORY.provider, ...flags }
  const scaled = await runScale({ computeNodes: '3', ...day2 }, quiet, env)
  say(`  operator machine-api: ${scaled.machineApi.condition} — ${scaled.machineApi.reason}`)
  const volume = await runCreateVolume({ size: '10', ...day2 }, quiet, env)
  say(
    `  operator EBS CSI: volume ${volume.volumeId} (${volume.sizeGiB} GiB) attached to ${volume.instanceId}`,
  )

  say('== Support session (lanyard rosa support-session): diagnose yes, destroy no')
  const support = {
    endpoint: ctx.endpoint,
    region: ctx.region,
    providerCredentials: providerConfig(flags, STORY.provider, env).credentials,
    providerAccount: STORY.provider,
    clusterId: cluster.id,
    engineer: 'sre-alice',
  }
  const first = await openSupportSession(support)
  say(
    `  RH-Technical-Support-Access assumed ${first.roleArn} until ${first.credentials.expiration.toISOString()}`,
  )
  const who = 'support session 1'
  const ec2 = ec2Session(ctx.endpoint, ctx.region, first.credentials)
  say(callLine(who, await describeClusterInstances(ec2, cluster.infra_id)))
  const volumes = await describeClusterVolumes(ec2, cluster.infra_id)
  say(callLine(who, volumes.call))
  if (volumes.volumeId !== undefined) say(callLine(who, await deleteVolume(ec2, volumes.volumeId)))

  say(`== Revocation (lanyard rosa revoke -c ${STORY.cluster} --role support)`)
  const revoked = await runRosaRevoke({ cluster: STORY.cluster, role: 'support', ...flags }, env)
  say(
    `  AWSRevokeOlderSessions on ${revoked.roleName}: sessions issued before ${revoked.revokedBefore} are denied`,
  )
  say(callLine(who, (await describeClusterVolumes(ec2, cluster.infra_id)).call))
  ec2.destroy()
  const second = await openSupportSession(support)
  const fresh = ec2Session(ctx.endpoint, ctx.region, second.credentials)
  say(callLine('support session 2 (fresh)', (await describeClusterVolumes(fresh, cluster.infra_id)).call))
  fresh.destroy()

  say(`== Teardown (lanyard rosa delete cluster -c ${STORY.cluster}, then the roles and the OIDC objects)`)
  await runDeleteCluster(
    { cluster: STORY.cluster, providerAccount: STORY.provider, ...flags },
    (line) => {
      if (INSTALL_LINE.test(line) || /deleted|terminated/.test(line)) say(`  ${line.trim()}`)
    },
    env,
  )
  const roles = await runDeleteOperatorRoles({ prefix: STORY.operatorRolesPrefix, ...flags }, quiet, env)
  say(`  deleted ${roles.deletedRoles.length} operator roles`)
  await runDeleteOidcProvider({ oidcConfigId: oidc.id, ...flags }, quiet, env)
  await runDeleteOidcConfig({ oidcConfigId: oidc.id, ...flags }, quiet, env)
  say(`  deleted the OIDC provider and configuration ${oidc.id}`)
  const deleted = await runDeleteAccountRoles(
    { prefix: STORY.accountRolesPrefix, version: STORY.version, ...flags },
    quiet,
    env,
  )
  say(
    `  deleted ${deleted.deletedRoles.length} account roles (with their inline policies, AWSRevokeOlderSessions too)`,
  )
}
