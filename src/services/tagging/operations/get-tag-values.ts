import type { Operation } from '../../operation.js'
import { allTagged } from '../scan.js'
import { decodeToken, encodeToken } from '../token.js'

/** Values answered per page. */
const PAGE = 500

/** Resource Groups Tagging API GetTagValues: every value of one tag key in use in the region, sorted. */
export const getTagValues: Operation = {
  readOnly: true,
  async authorize() {
    return [{ action: 'tag:GetTagValues', resource: '*' }]
  },
  async run(ctx, input) {
    const key = String(input.Key)
    const after = decodeToken(input.PaginationToken, key)
    const resources = await allTagged(ctx, { tags: [{ key, values: [] }] })
    const values = [
      ...new Set(resources.flatMap((r) => r.tags.filter((t) => t.key === key).map((t) => t.value))),
    ].sort()
    const rest = after === undefined ? values : values.filter((v) => v > after)
    const page = rest.slice(0, PAGE)
    return {
      PaginationToken: rest.length > PAGE ? encodeToken(page.at(-1)!, key) : '',
      TagValues: page,
    }
  },
}
