import { GetUserCommand } from '@aws-sdk/client-iam'
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts'
import { type ClusterOperator, errorCode } from './operator.js'

/**
 * The cloud credential operator (`openshift-cloud-credential-operator/cloud-credential-operator-iam-ro-creds`).
 * In STS (manual) mode it mints nothing; its read-only checks: its own identity is a web-identity session of
 * its role (sts:GetCallerIdentity), and the IAM user it would have minted for itself in mint mode does not
 * exist (iam:GetUser answers NoSuchEntity), i.e. no long-lived key was made for the cluster.
 */
export const cloudCredentialOperator: ClusterOperator = {
  name: 'cloud-credential',
  namespace: 'openshift-cloud-credential-operator',
  secretName: 'cloud-credential-operator-iam-ro-creds',
  serviceAccount: 'cloud-credential-operator',
  async reconcile(ctx) {
    const me = await ctx.clients.sts.send(new GetCallerIdentityCommand({}))
    if (!/:assumed-role\//.test(me.Arn ?? ''))
      throw new Error(`running as ${me.Arn}, not as an assumed role: the cluster is not in STS mode`)
    const minted = `${ctx.cluster.infra_id}-cloud-credential-operator-iam-ro`.slice(0, 64)
    const found = await ctx.clients.iam.send(new GetUserCommand({ UserName: minted })).then(
      () => true,
      (error) => {
        if (errorCode(error) === 'NoSuchEntity' || errorCode(error) === 'NoSuchEntityException') return false
        throw error
      },
    )
    if (found)
      throw new Error(`IAM user ${minted} exists: a long-lived credential was minted for the cluster`)
    return `mode Manual (STS): running as ${me.Arn}; no minted IAM user`
  },
}
