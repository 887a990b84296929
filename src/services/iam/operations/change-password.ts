import type { Operation } from '../../operation.js'
import { notAnIamUser, wrongOldPassword } from '../errors-users.js'
import { acceptPassword, requireLoginProfile } from '../login-target.js'
import { loadPasswordPolicy } from '../password-policy.js'
import { verifyPassword } from '../passwords.js'
import { callerUserName, onUser, requireUser, userTarget } from '../user-target.js'

/** IAM ChangePassword: the calling user changes its own console password. */
export const changePassword: Operation = {
  async authorize(ctx) {
    const name = callerUserName(ctx)
    if (name === undefined) throw notAnIamUser()
    // AWS: AllowUsersToChangePassword lets every user change its own password without a policy.
    const policy = await loadPasswordPolicy(ctx.store, ctx.caller!.principal.account)
    if (policy?.allowUsersToChangePassword === true) return []
    return [onUser('iam:ChangePassword', await userTarget(ctx, name))]
  },
  async run(ctx, input) {
    const name = callerUserName(ctx)
    if (name === undefined) throw notAnIamUser()
    const user = requireUser(await userTarget(ctx, name))
    const profile = await requireLoginProfile(ctx, user)
    if (!(await verifyPassword(String(input.OldPassword), profile.passwordHash))) throw wrongOldPassword()
    const passwordHash = await acceptPassword(ctx, user, input.NewPassword)
    await ctx.store.loginProfiles.update(user.id, { passwordHash, passwordResetRequired: false })
    return {}
  },
}
