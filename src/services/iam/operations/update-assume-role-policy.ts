import type { Operation } from '../../operation.js'
import { protectedRole } from '../errors-roles.js'
import { callerAccount, isServiceLinked, requireRole, roleAuthorization } from '../role-access.js'
import { prepareTrustPolicy } from '../trust-policy.js'

/** IAM UpdateAssumeRolePolicy: replaces the trust policy, validated as CreateRole validates it. */
export const updateAssumeRolePolicy: Operation = {
  async authorize(ctx, input) {
    return [await roleAuthorization(ctx, 'iam:UpdateAssumeRolePolicy', input.RoleName, { boundaryKey: true })]
  },
  async run(ctx, input) {
    const role = await requireRole(ctx, input.RoleName)
    if (isServiceLinked(role)) throw protectedRole(role.name)
    const trustPolicy = await prepareTrustPolicy(ctx.store, callerAccount(ctx), String(input.PolicyDocument))
    await ctx.store.roles.update(role.id, { trustPolicy })
    return {}
  },
}
