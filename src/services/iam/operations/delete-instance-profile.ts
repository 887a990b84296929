import type { Operation } from '../../operation.js'
import { roleInInstanceProfile } from '../errors-roles.js'
import { instanceProfileAuthorization, requireInstanceProfile } from '../instance-profile-access.js'

/** IAM DeleteInstanceProfile: refused while the profile still holds a role. */
export const deleteInstanceProfile: Operation = {
  async authorize(ctx, input) {
    return [await instanceProfileAuthorization(ctx, 'iam:DeleteInstanceProfile', input.InstanceProfileName)]
  },
  async run(ctx, input) {
    const profile = await requireInstanceProfile(ctx, input.InstanceProfileName)
    if (profile.roleIds.length > 0) throw roleInInstanceProfile()
    await ctx.store.instanceProfiles.delete(profile.id)
    return {}
  },
}
