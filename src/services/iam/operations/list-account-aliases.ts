import type { Operation } from '../../operation.js'
import { pageOf, pageOutput, pageRequest } from '../pagination.js'

/** IAM ListAccountAliases: the account's alias, if any (AWS allows one). */
export const listAccountAliases: Operation = {
  readOnly: true,
  async authorize() {
    return [{ action: 'iam:ListAccountAliases', resource: '*' }]
  },
  async run(ctx, input) {
    const account = await ctx.store.accounts.get(ctx.caller!.principal.account)
    const aliases = account?.alias ? [account.alias] : []
    return pageOutput('AccountAliases', pageOf(aliases, pageRequest(input)), (alias) => alias)
  },
}
