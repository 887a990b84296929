import type { Operation } from '../../operation.js'
import { entityAlreadyExists, noSuchEntity } from '../errors.js'
import { orConflict } from '../store-conflict.js'

/** AWS: aliases are unique across all accounts, the account's own current alias included. */
const aliasTaken = (alias: string) => entityAlreadyExists(`The account alias ${alias} already exists.`)

/** IAM CreateAccountAlias: sets the account's one alias; AWS replaces a previous alias. */
export const createAccountAlias: Operation = {
  async authorize() {
    return [{ action: 'iam:CreateAccountAlias', resource: '*' }]
  },
  async run(ctx, input) {
    const alias = String(input.AccountAlias)
    const account = ctx.caller!.principal.account
    const current = await ctx.store.accounts.get(account)
    if (current === undefined) throw noSuchEntity(`The account ${account} cannot be found.`)
    if (current.alias === alias) throw aliasTaken(alias)
    await orConflict(ctx.store.accounts.setAlias(account, alias), () => aliasTaken(alias))
    return {}
  },
}
