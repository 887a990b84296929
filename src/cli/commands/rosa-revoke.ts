import { IAMClient } from '@aws-sdk/client-iam'
import { ClusterApi, loadRosaDataSet, type RevokeTarget, revokeClusterRole } from '../../rosa/index.js'
import { lanyardClientConfig } from './client-config.js'
import { type RosaFlags, runRosaAction, withRosaFlags } from './rosa-common.js'
import type { RosaCommandGroups } from './rosa-groups.js'
import { serverTime } from './server-time.js'

/** The flags of `lanyard rosa revoke`. */
export interface RevokeFlags extends RosaFlags {
  readonly cluster: string
  readonly role: string
}

/** What `lanyard rosa revoke` did: the role and the instant before which its sessions are denied. */
export interface RevokeResult extends RevokeTarget {
  readonly cluster: string
  readonly revokedBefore: string
}

/**
 * Runs `lanyard rosa revoke -c NAME --role installer|support|<operator>`: reads the cluster, resolves the role and
 * writes AWSRevokeOlderSessions on it through IAM, as the customer (the `lanyard env` credentials chain).
 */
export async function runRosaRevoke(
  flags: RevokeFlags,
  env: NodeJS.ProcessEnv = process.env,
  at?: Date,
): Promise<RevokeResult> {
  const config = lanyardClientConfig(flags, env)
  // The server's clock, so the revocation covers sessions issued by every process whatever this machine's skew.
  const now = at ?? (await serverTime(config.endpoint))
  const api = new ClusterApi({
    endpoint: config.endpoint,
    region: config.region,
    credentials: config.credentials,
  })
  const cluster = await api.getCluster(flags.cluster)
  const data = await loadRosaDataSet(cluster.version.id.replace(/^openshift-v/, ''))
  const iam = new IAMClient(lanyardClientConfig(flags, env, 'IAM'))
  try {
    const target = await revokeClusterRole(iam, cluster, flags.role, data, now)
    return Object.assign({}, target, { cluster: cluster.name, revokedBefore: now.toISOString() })
  } finally {
    iam.destroy()
  }
}

/** Registers `lanyard rosa revoke -c NAME --role ROLE`. */
export function registerRosaRevoke(groups: RosaCommandGroups): void {
  withRosaFlags(
    groups.rosa
      .command('revoke')
      .description(
        "revoke every session of one of a cluster's roles issued before now (installer, support or an operator)",
      ),
  )
    .requiredOption('-c, --cluster <name|id>', 'the cluster')
    .requiredOption('--role <role>', 'installer, support or an operator (machine-api, ingress, ebs-csi, …)')
    .action((flags: RevokeFlags) =>
      runRosaAction(
        'revoke',
        flags,
        () => runRosaRevoke(flags),
        (r) => [
          `revoked the sessions of ${r.roleArn} (${r.role} of cluster ${r.cluster}) issued before ${r.revokedBefore}`,
        ],
      ),
    )
}
