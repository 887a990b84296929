import type { Operation } from '../../operation.js'
import { noSuchEntity } from '../errors.js'

/** IAM DeleteAccountAlias: clears the account's alias when it is the one named. */
export const deleteAccountAlias: Operation = {
  async authorize() {
    return [{ action: 'iam:DeleteAccountAlias', resource: '*' }]
  },
  async run(ctx, input) {
    const alias = String(input.AccountAlias)
    const account = await ctx.store.accounts.get(ctx.caller!.principal.account)
    if (account?.alias !== alias) throw noSuchEntity(`The account alias ${alias} cannot be found.`)
    await ctx.store.accounts.setAlias(account.id, undefined)
    return {}
  },
}
