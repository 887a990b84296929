import { AwsError } from '../../../kernel/aws-error.js'
import { base32Encode } from '../../../kernel/ids.js'
import type { Operation } from '../../operation.js'
import { type ClusterAttributes, clusterArn, clusterIdArn, providerPolicy } from '../clusters.js'
import { toClusterDocument } from '../mappers.js'

/** OpenShift y-stream Lanyard serves the policies of (data/rosa/4.22). */
const DEFAULT_VERSION = '4.22'

type Sts = {
  role_arn: string
  support_role_arn?: string
  external_id?: string
  operator_role_prefix?: string
  oidc_config?: { id?: string }
  instance_iam_roles?: { master_role_arn?: string; worker_role_arn?: string }
}

const badRequest = (message: string): AwsError => new AwsError('CLUSTERS-MGMT-400', 400, message)

/** The account of an IAM role ARN, or undefined when `arn` is not one. */
const roleAccount = (arn: string | undefined): string | undefined =>
  arn === undefined ? undefined : /^arn:aws:iam::(\d{12}):role\/.+$/.exec(arn)?.[1]

/** Creates the cluster service's CreateCluster, whose clusters trust the provider's installer role `installerRoleArn`. */
export function createClusterOperation(installerRoleArn: string): Operation {
  return {
    async authorize(ctx, input) {
      return [
        {
          action: 'clusters:CreateCluster',
          resource: clusterArn(ctx.region, account(ctx), String(input.name)),
        },
      ]
    },
    async run(ctx, input) {
      const owner = account(ctx)
      const name = input.name as string
      const sts = (input.aws as { sts: Sts }).sts
      const roles = [sts.role_arn, sts.support_role_arn, sts.instance_iam_roles?.master_role_arn]
      for (const arn of [...roles, sts.instance_iam_roles?.worker_role_arn]) {
        if (arn === undefined) continue
        // OCM: the account roles must be roles of the account the cluster is created in.
        if (roleAccount(arn) !== owner)
          throw badRequest(`Role ARN '${arn}' is not a role of AWS account '${owner}'`)
      }
      const arn = clusterArn(ctx.region, owner, name)
      const ocmId = base32Encode(ctx.random(20)).toLowerCase().slice(0, 32)
      const random = base32Encode(ctx.random(10)).toLowerCase()
      const attributes: ClusterAttributes = {
        ocmId,
        name,
        infraId: `${name.slice(0, 21)}-${random.slice(0, 5)}`,
        domain: `${name}.${random.slice(5, 9)}.p1.openshiftapps.com`,
        state: 'pending',
        description: 'Waiting for the installer',
        multiAz: input.multi_az === true,
        computeNodes: ((input.nodes as { compute?: number } | undefined)?.compute ??
          (input.multi_az ? 3 : 2)) as number,
        version: ((input.version as { id?: string } | undefined)?.id ?? DEFAULT_VERSION).replace(
          /^openshift-v/,
          '',
        ),
        sts: {
          roleArn: sts.role_arn,
          ...(sts.support_role_arn ? { supportRoleArn: sts.support_role_arn } : {}),
          ...(sts.external_id ? { externalId: sts.external_id } : {}),
          ...(sts.operator_role_prefix ? { operatorRolePrefix: sts.operator_role_prefix } : {}),
          ...(sts.oidc_config?.id ? { oidcConfigId: sts.oidc_config.id } : {}),
          ...(sts.instance_iam_roles?.master_role_arn
            ? { masterRoleArn: sts.instance_iam_roles.master_role_arn }
            : {}),
          ...(sts.instance_iam_roles?.worker_role_arn
            ? { workerRoleArn: sts.instance_iam_roles.worker_role_arn }
            : {}),
        },
        policy: providerPolicy(arn, installerRoleArn),
        installLog: [],
      }
      const key = { accountId: owner, region: ctx.region, service: 'clusters', type: 'cluster', id: name }
      if ((await ctx.store.cloudResources.find(key)) !== undefined)
        throw badRequest(`Cluster name '${name}' already exists`)
      const line = `cluster ${name} recorded, infra id ${attributes.infraId}; waiting for the installer`
      const withLog = Object.assign({}, attributes, { installLog: [{ at: ctx.now.toISOString(), line }] })
      const record = await ctx.store.transaction(async (tx) => {
        const stored = await tx.cloudResources.insert({
          arn,
          ...key,
          attributes: withLog,
          tags: [{ key: 'api.openshift.com/id', value: ocmId }],
          at: ctx.now,
        })
        await tx.cloudResources.insert({
          // The ARN is the global key (ids are global in OCM); the row belongs to the cluster's account.
          arn: clusterIdArn(ocmId),
          accountId: owner,
          region: '',
          service: 'clusters',
          type: 'cluster-id',
          id: ocmId,
          attributes: { arn },
          tags: [],
          at: ctx.now,
        })
        return stored
      })
      return toClusterDocument(record)
    },
  }
}

function account(ctx: { caller: { principal: { account: string } } | undefined }): string {
  return ctx.caller!.principal.account
}
