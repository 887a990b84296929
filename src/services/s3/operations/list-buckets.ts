import type { Operation } from '../../operation.js'
import { ANONYMOUS } from '../authz.js'
import type { BucketAttributes } from '../buckets.js'
import { S3_ACCESS_DENIED } from '../errors.js'
import { callerAccount } from '../operation-helpers.js'
import { ownerOf } from '../owner.js'

/** S3 ListBuckets: every bucket of the caller's account, in every region, by name. */
export const listBuckets: Operation = {
  unsigned: true,
  readOnly: true,
  async authorize(ctx) {
    return [
      {
        action: 's3:ListAllMyBuckets',
        resource: '*',
        ...(ctx.caller === undefined ? { principal: ANONYMOUS } : {}),
        deniedMessage: S3_ACCESS_DENIED,
      },
    ]
  },
  async run(ctx) {
    const accountId = callerAccount(ctx)
    const buckets: { Name: string; CreationDate: Date }[] = []
    let after: string | undefined
    do {
      const page = await ctx.store.cloudResources.list<BucketAttributes>({
        accountId,
        service: 's3',
        type: 'bucket',
        limit: 1000,
        ...(after === undefined ? {} : { after }),
      })
      for (const bucket of page.items) buckets.push({ Name: bucket.id, CreationDate: bucket.createdAt })
      after = page.next
    } while (after !== undefined)
    return { Buckets: buckets, Owner: ownerOf(accountId) }
  },
}
