import {
  AddRoleToInstanceProfileCommand,
  CreateInstanceProfileCommand,
  GetInstanceProfileCommand,
} from '@aws-sdk/client-iam'
import { clusterTags, hasCode, type InstallContext, type InstallStep } from './install-context.js'

/** The role name of a role ARN (its last path segment). */
const roleName = (arn: string): string => arn.slice(arn.lastIndexOf('/') + 1)

/** Instance profiles for the ControlPlane and Worker roles (the instances get them through iam:PassRole). */
export const instanceProfilesStep: InstallStep = {
  name: 'instance profiles',
  async run(ctx) {
    const roles = ctx.cluster.aws.sts.instance_iam_roles
    const infra = ctx.cluster.infra_id
    if (roles.master_role_arn === undefined || roles.worker_role_arn === undefined)
      throw new Error('the cluster names no ControlPlane or Worker role (aws.sts.instance_iam_roles)')
    ctx.state.masterProfile = await ensureProfile(
      ctx,
      `${infra}-master-profile`,
      roleName(roles.master_role_arn),
    )
    ctx.state.workerProfile = await ensureProfile(
      ctx,
      `${infra}-worker-profile`,
      roleName(roles.worker_role_arn),
    )
  },
}

async function ensureProfile(ctx: InstallContext, name: string, role: string): Promise<string> {
  const iam = ctx.clients.iam
  let profile = await iam
    .send(new GetInstanceProfileCommand({ InstanceProfileName: name }))
    .then((r) => r.InstanceProfile)
    .catch((error) => {
      if (hasCode(error, 'NoSuchEntity', 'NoSuchEntityException')) return undefined
      throw error
    })
  if (profile === undefined) {
    profile = (
      await iam.send(
        new CreateInstanceProfileCommand({ InstanceProfileName: name, Tags: clusterTags(ctx, name) }),
      )
    ).InstanceProfile!
    await ctx.log(`created instance profile ${name}`)
  }
  if (!(profile.Roles ?? []).some((r) => r.RoleName === role)) {
    await iam.send(new AddRoleToInstanceProfileCommand({ InstanceProfileName: name, RoleName: role }))
    await ctx.log(`instance profile ${name} carries role ${role}`)
  }
  return name
}
