import type { Operation } from '../../operation.js'
import { accountSummary } from '../account/account-summary.js'

/** IAM GetAccountSummary: entity counts and quotas. */
export const getAccountSummary: Operation = {
  readOnly: true,
  async authorize() {
    return [{ action: 'iam:GetAccountSummary', resource: '*' }]
  },
  async run(ctx) {
    return { SummaryMap: await accountSummary(ctx.store, ctx.caller!.principal.account) }
  },
}
