import type { Operation } from '../../operation.js'
import { instanceProfileFull } from '../errors-roles.js'
import { instanceProfileAuthorization, requireInstanceProfile } from '../instance-profile-access.js'
import { requireRole, roleAuthorization } from '../role-access.js'

/** IAM AddRoleToInstanceProfile: puts the role in the profile (at most one); the caller must be able to pass the role. */
export const addRoleToInstanceProfile: Operation = {
  async authorize(ctx, input) {
    return [
      await instanceProfileAuthorization(ctx, 'iam:AddRoleToInstanceProfile', input.InstanceProfileName),
      // AWS: the caller also needs iam:PassRole on the role.
      await roleAuthorization(ctx, 'iam:PassRole', input.RoleName),
    ]
  },
  async run(ctx, input) {
    const profile = await requireInstanceProfile(ctx, input.InstanceProfileName)
    const role = await requireRole(ctx, input.RoleName)
    if (profile.roleIds.length > 0) throw instanceProfileFull()
    await ctx.store.instanceProfiles.addRole(profile.id, role.id, ctx.now)
    return {}
  },
}
