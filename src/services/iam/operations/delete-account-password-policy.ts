import type { Operation } from '../../operation.js'
import { noSuchPasswordPolicy } from '../errors-users.js'
import { deletePasswordPolicy } from '../password-policy.js'

/** IAM DeleteAccountPasswordPolicy. */
export const deleteAccountPasswordPolicy: Operation = {
  async authorize() {
    return [{ action: 'iam:DeleteAccountPasswordPolicy', resource: '*' }]
  },
  async run(ctx) {
    const account = ctx.caller!.principal.account
    if (!(await deletePasswordPolicy(ctx.store, account))) throw noSuchPasswordPolicy(account)
    return {}
  },
}
