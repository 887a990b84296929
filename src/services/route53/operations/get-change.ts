import type { Operation } from '../../operation.js'
import { type ChangeAttributes, changeArn, toChangeInfo } from '../changes.js'
import { noSuchChange } from '../errors.js'
import { bareChangeId } from '../names.js'
import { callerAccount } from '../zone.js'

/** Route 53 GetChange: PENDING right after the change, INSYNC once it has propagated. */
export const getChange: Operation = {
  readOnly: true,
  async authorize(_ctx, input) {
    return [{ action: 'route53:GetChange', resource: changeArn(bareChangeId(input.Id)) }]
  },
  async run(ctx, input) {
    const id = bareChangeId(input.Id)
    const change = await ctx.store.cloudResources.get<ChangeAttributes>(changeArn(id))
    if (change === undefined || change.accountId !== callerAccount(ctx)) throw noSuchChange(id)
    return { ChangeInfo: toChangeInfo(id, change.attributes, ctx.now) }
  },
}
