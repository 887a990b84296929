import type { Operation } from '../../operation.js'
import { policyFromInput, savePasswordPolicy } from '../password-policy.js'

/** IAM UpdateAccountPasswordPolicy: replaces the policy; omitted members take their defaults. */
export const updateAccountPasswordPolicy: Operation = {
  async authorize() {
    return [{ action: 'iam:UpdateAccountPasswordPolicy', resource: '*' }]
  },
  async run(ctx, input) {
    await savePasswordPolicy(ctx.store, ctx.caller!.principal.account, policyFromInput(input), ctx.now)
    return {}
  },
}
