import type { Operation } from '../../operation.js'
import { shownInstanceProfile } from '../instance-profile-access.js'
import { pageOf, pageOutput, pageRequest } from '../pagination.js'
import { requireRole, roleAuthorization } from '../role-access.js'

/** IAM ListInstanceProfilesForRole: the profiles that contain the role, paginated. */
export const listInstanceProfilesForRole: Operation = {
  readOnly: true,
  async authorize(ctx, input) {
    return [await roleAuthorization(ctx, 'iam:ListInstanceProfilesForRole', input.RoleName)]
  },
  async run(ctx, input) {
    const role = await requireRole(ctx, input.RoleName)
    const profiles = await ctx.store.instanceProfiles.listForRole(role.id)
    const page = pageOf(profiles, pageRequest(input))
    const shown = await Promise.all(page.items.map((p) => shownInstanceProfile(ctx, p, false)))
    return pageOutput(
      'InstanceProfiles',
      { items: shown, ...(page.next !== undefined ? { next: page.next } : {}) },
      (p) => p,
    )
  },
}
