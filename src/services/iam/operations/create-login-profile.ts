import type { Operation } from '../../operation.js'
import { loginProfileExists } from '../errors-users.js'
import { acceptPassword } from '../login-target.js'
import { toLoginProfileShape } from '../mappers/login-profile.js'
import { orConflict } from '../store-conflict.js'
import { onUser, requireUser, userOrCallerRequired } from '../user-target.js'

/** IAM CreateLoginProfile: a console password for a user, hashed with scrypt. */
export const createLoginProfile: Operation = {
  async authorize(ctx, input) {
    return [onUser('iam:CreateLoginProfile', await userOrCallerRequired(ctx, input))]
  },
  async run(ctx, input) {
    const user = requireUser(await userOrCallerRequired(ctx, input))
    if ((await ctx.store.loginProfiles.get(user.id)) !== undefined) throw loginProfileExists(user.name)
    const passwordHash = await acceptPassword(ctx, user, input.Password)
    const profile = await orConflict(
      ctx.store.loginProfiles.insert({
        userId: user.id,
        passwordHash,
        passwordResetRequired: input.PasswordResetRequired === true,
        createdAt: ctx.now,
      }),
      () => loginProfileExists(user.name),
    )
    return { LoginProfile: toLoginProfileShape(profile, user.name) }
  },
}
