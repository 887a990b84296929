import type { Operation } from '../../operation.js'

/** STS GetCallerIdentity: who signed the request. AWS never denies it, even under an explicit deny. */
export const getCallerIdentity: Operation = {
  readOnly: true,
  async authorize() {
    return []
  },
  async run(ctx) {
    const { principal } = ctx.caller!
    const userId = ctx.caller!.context.get('aws:userid')
    return {
      UserId: typeof userId === 'string' ? userId : principal.account,
      Account: principal.account,
      Arn: principal.arn,
    }
  },
}
