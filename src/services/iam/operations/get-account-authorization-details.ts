import type { Operation } from '../../operation.js'
import { detailOf } from '../account/authorization-details.js'
import { type DetailFilter, detailEntries } from '../account/detail-entries.js'
import { pageOf, pageRequest } from '../pagination.js'

const MEMBERS = {
  User: 'UserDetailList',
  Group: 'GroupDetailList',
  Role: 'RoleDetailList',
  Policy: 'Policies',
} as const

/** IAM GetAccountAuthorizationDetails: users, groups, roles and managed policies with their policies, paged together. */
export const getAccountAuthorizationDetails: Operation = {
  readOnly: true,
  async authorize() {
    return [{ action: 'iam:GetAccountAuthorizationDetails', resource: '*' }]
  },
  async run(ctx, input) {
    const request = pageRequest(input)
    const filter = new Set((Array.isArray(input.Filter) ? input.Filter : []) as DetailFilter[])
    const entries = await detailEntries(ctx.store, ctx.caller!.principal.account, filter)
    const page = pageOf(entries, request)
    const lists: Record<string, unknown[]> = {
      UserDetailList: [],
      GroupDetailList: [],
      RoleDetailList: [],
      Policies: [],
    }
    for (const entry of page.items) lists[MEMBERS[entry.kind]]!.push(await detailOf(ctx.store, entry))
    return {
      UserDetailList: lists.UserDetailList,
      GroupDetailList: lists.GroupDetailList,
      RoleDetailList: lists.RoleDetailList,
      Policies: lists.Policies,
      IsTruncated: page.next !== undefined,
      ...(page.next ? { Marker: page.next } : {}),
    }
  },
}
