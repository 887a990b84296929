import type { Operation } from '../../operation.js'
import { shownInstanceProfile } from '../instance-profile-access.js'
import { pathPageRequest } from '../pagination.js'
import { callerAccount } from '../role-access.js'

/** IAM ListInstanceProfiles: profiles by name, filtered by PathPrefix, paginated; AWS omits their Tags. */
export const listInstanceProfiles: Operation = {
  readOnly: true,
  async authorize() {
    return [{ action: 'iam:ListInstanceProfiles', resource: '*' }]
  },
  async run(ctx, input) {
    const page = await ctx.store.instanceProfiles.list(callerAccount(ctx), pathPageRequest(input))
    const profiles = await Promise.all(page.items.map((p) => shownInstanceProfile(ctx, p, false)))
    return {
      InstanceProfiles: profiles,
      IsTruncated: page.next !== undefined,
      ...(page.next ? { Marker: page.next } : {}),
    }
  },
}
