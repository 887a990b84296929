import type { Operation } from '../../operation.js'
import { groupArn } from '../arns.js'
import { toGroupShape } from '../mappers/group.js'
import { pageOutput, pathPageRequest } from '../pagination.js'

/** IAM ListGroups: groups by name, filtered by PathPrefix, paginated. */
export const listGroups: Operation = {
  readOnly: true,
  async authorize(ctx, input) {
    // AWS: the resource is the path prefix as a group ARN without a name, e.g. `…:group/`.
    const prefix = typeof input.PathPrefix === 'string' ? input.PathPrefix : '/'
    return [{ action: 'iam:ListGroups', resource: groupArn(ctx.caller!.principal.account, prefix, '') }]
  },
  async run(ctx, input) {
    const page = await ctx.store.groups.list(ctx.caller!.principal.account, pathPageRequest(input))
    return pageOutput('Groups', page, toGroupShape)
  },
}
