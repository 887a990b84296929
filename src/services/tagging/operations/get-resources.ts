import type { Operation } from '../../operation.js'
import { invalidParameter } from '../errors.js'
import { inputArns, inputTagFilters, toMapping } from '../mappers.js'
import { scanTagged } from '../scan.js'
import { decodeToken, encodeToken } from '../token.js'

/** Resource Groups Tagging API GetResources: tagged resources of every service, by tag, type or ARN. */
export const getResources: Operation = {
  readOnly: true,
  async authorize() {
    return [{ action: 'tag:GetResources', resource: '*' }]
  },
  async run(ctx, input) {
    const tags = inputTagFilters(input)
    const typeFilters = ((input.ResourceTypeFilters as string[] | undefined) ?? []).map(String)
    const arns = inputArns(input)
    if (arns.length > 0 && (tags.length > 0 || typeFilters.length > 0)) {
      throw invalidParameter(
        'ResourceARNList cannot be used together with TagFilters or ResourceTypeFilters.',
      )
    }
    const perPage = (input.ResourcesPerPage as number | undefined) ?? 50
    if (perPage < 1 || perPage > 100) throw invalidParameter('ResourcesPerPage must be between 1 and 100.')
    if (arns.length > 0) {
      const account = ctx.caller?.principal.account ?? ''
      const found = await Promise.all(arns.map((arn) => ctx.store.cloudResources.get(arn)))
      const mine = found.filter((r) => r !== undefined && r.accountId === account)
      return { PaginationToken: '', ResourceTagMappingList: mine.map((r) => toMapping(r!)) }
    }
    const parameters = { tags, typeFilters, perPage }
    const after = decodeToken(input.PaginationToken, parameters)
    const page = await scanTagged(ctx, { tags, typeFilters }, perPage, after)
    return {
      // AWS: an empty PaginationToken means the last page.
      PaginationToken: page.next === undefined ? '' : encodeToken(page.next, parameters),
      ResourceTagMappingList: page.items.map(toMapping),
    }
  },
}
