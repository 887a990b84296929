import type { Operation } from '../../operation.js'
import { requireLoginProfile } from '../login-target.js'
import { toLoginProfileShape } from '../mappers/login-profile.js'
import { onUser, requireUser, userOrCallerRequired } from '../user-target.js'

/** IAM GetLoginProfile: whether the user has a console password (never the password). */
export const getLoginProfile: Operation = {
  readOnly: true,
  async authorize(ctx, input) {
    return [onUser('iam:GetLoginProfile', await userOrCallerRequired(ctx, input))]
  },
  async run(ctx, input) {
    const user = requireUser(await userOrCallerRequired(ctx, input))
    return { LoginProfile: toLoginProfileShape(await requireLoginProfile(ctx, user), user.name) }
  },
}
