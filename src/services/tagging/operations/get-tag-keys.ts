import type { Operation } from '../../operation.js'
import { allTagged } from '../scan.js'
import { decodeToken, encodeToken } from '../token.js'

/** Keys answered per page. */
const PAGE = 500

/** Resource Groups Tagging API GetTagKeys: every tag key in use in the region, sorted. */
export const getTagKeys: Operation = {
  readOnly: true,
  async authorize() {
    return [{ action: 'tag:GetTagKeys', resource: '*' }]
  },
  async run(ctx, input) {
    const after = decodeToken(input.PaginationToken, 'keys')
    const keys = [...new Set((await allTagged(ctx, {})).flatMap((r) => r.tags.map((t) => t.key)))].sort()
    const rest = after === undefined ? keys : keys.filter((k) => k > after)
    const page = rest.slice(0, PAGE)
    return {
      PaginationToken: rest.length > PAGE ? encodeToken(page.at(-1)!, 'keys') : '',
      TagKeys: page,
    }
  },
}
