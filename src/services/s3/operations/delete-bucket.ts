import { AwsError } from '../../../kernel/aws-error.js'
import type { Operation } from '../../operation.js'
import { requireBucket } from '../buckets.js'
import { noSuchBucket } from '../errors.js'
import { bucketAction } from '../operation-helpers.js'

/** S3 DeleteBucket: only an empty bucket; its unfinished multipart uploads go with it. */
export const deleteBucket: Operation = {
  unsigned: true,
  authorize: bucketAction('s3:DeleteBucket'),
  async run(ctx, input) {
    const bucket = await requireBucket(ctx.store, String(input.Bucket))
    const blobs = await ctx.store.transaction(async (tx) => {
      if ((await tx.s3Objects.count(bucket.id)) > 0)
        throw new AwsError('BucketNotEmpty', 409, 'The bucket you tried to delete is not empty')
      const partBlobs: string[] = []
      for (;;) {
        const uploads = await tx.s3Uploads.list({ bucket: bucket.id, limit: 1000 })
        for (const upload of uploads) partBlobs.push(...((await tx.s3Uploads.delete(upload.uploadId)) ?? []))
        if (uploads.length < 1000) break
      }
      if (!(await tx.cloudResources.delete(bucket.arn))) throw noSuchBucket()
      return partBlobs
    })
    for (const id of blobs) await ctx.store.blobs.delete(id)
    return {}
  },
}
