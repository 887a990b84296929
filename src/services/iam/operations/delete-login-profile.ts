import type { Operation } from '../../operation.js'
import { requireLoginProfile } from '../login-target.js'
import { onUser, requireUser, userOrCallerRequired } from '../user-target.js'

/** IAM DeleteLoginProfile: removes the user's console password. */
export const deleteLoginProfile: Operation = {
  async authorize(ctx, input) {
    return [onUser('iam:DeleteLoginProfile', await userOrCallerRequired(ctx, input))]
  },
  async run(ctx, input) {
    const user = requireUser(await userOrCallerRequired(ctx, input))
    await requireLoginProfile(ctx, user)
    await ctx.store.loginProfiles.delete(user.id)
    return {}
  },
}
