import type { Operation } from '../../operation.js'
import { acceptPassword, requireLoginProfile } from '../login-target.js'
import { onUser, requireUser, userOrCallerRequired } from '../user-target.js'

/** IAM UpdateLoginProfile: sets a user's password or its PasswordResetRequired flag. */
export const updateLoginProfile: Operation = {
  async authorize(ctx, input) {
    return [onUser('iam:UpdateLoginProfile', await userOrCallerRequired(ctx, input))]
  },
  async run(ctx, input) {
    const user = requireUser(await userOrCallerRequired(ctx, input))
    await requireLoginProfile(ctx, user)
    const passwordHash =
      input.Password === undefined ? undefined : await acceptPassword(ctx, user, input.Password)
    const change: { passwordHash?: string; passwordResetRequired?: boolean } = {}
    if (passwordHash !== undefined) change.passwordHash = passwordHash
    if (typeof input.PasswordResetRequired === 'boolean')
      change.passwordResetRequired = input.PasswordResetRequired
    await ctx.store.loginProfiles.update(user.id, change)
    return {}
  },
}
