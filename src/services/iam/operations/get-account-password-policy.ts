import type { Operation } from '../../operation.js'
import { noSuchPasswordPolicy } from '../errors-users.js'
import { loadPasswordPolicy, toPasswordPolicyShape } from '../password-policy.js'

/** IAM GetAccountPasswordPolicy. */
export const getAccountPasswordPolicy: Operation = {
  readOnly: true,
  async authorize() {
    return [{ action: 'iam:GetAccountPasswordPolicy', resource: '*' }]
  },
  async run(ctx) {
    const account = ctx.caller!.principal.account
    const policy = await loadPasswordPolicy(ctx.store, account)
    if (policy === undefined) throw noSuchPasswordPolicy(account)
    return { PasswordPolicy: toPasswordPolicyShape(policy) }
  },
}
