import type { Operation } from '../../operation.js'
import { noSuchRole } from '../errors.js'
import { instanceProfileAuthorization, requireInstanceProfile } from '../instance-profile-access.js'
import { requireRole } from '../role-access.js'

/** IAM RemoveRoleFromInstanceProfile: takes the role out of the profile. */
export const removeRoleFromInstanceProfile: Operation = {
  async authorize(ctx, input) {
    return [
      await instanceProfileAuthorization(ctx, 'iam:RemoveRoleFromInstanceProfile', input.InstanceProfileName),
    ]
  },
  async run(ctx, input) {
    const profile = await requireInstanceProfile(ctx, input.InstanceProfileName)
    const role = await requireRole(ctx, input.RoleName)
    // AWS: unverified wording for a role that is not in the profile.
    if (!(await ctx.store.instanceProfiles.removeRole(profile.id, role.id))) throw noSuchRole(role.name)
    return {}
  },
}
