import type { Operation } from '../../operation.js'
import { onNewResource, tagOnCreate } from '../authz.js'
import type { SnapshotAttributes, VolumeAttributes } from '../compute/records.js'
import { volumeAuthorization, volumeContext } from '../compute/volume-authorization.js'
import { type SnapshotRecord, toSnapshotShape } from '../compute/volume-shape.js'
import { newResourceId } from '../resource-ids.js'
import { findResource, insertResource, requireResource } from '../resource-store.js'
import { tagsOnCreate } from '../tags.js'

/** EC2 CreateSnapshot: a point-in-time snapshot of a volume; `pending`, then `completed`. */
export const createSnapshot: Operation = {
  async authorize(ctx, input) {
    const tags = tagsOnCreate(input, ['snapshot'])
    const volume = await findResource<VolumeAttributes>(ctx, 'volume', String(input.VolumeId ?? ''))
    const context =
      volume === undefined ? {} : volumeContext(volume.attributes, volume.attributes.availabilityZone)
    return [
      Object.assign(onNewResource(ctx, 'ec2:CreateSnapshot', 'snapshot', tags, context), {
        resource: `arn:aws:ec2:${ctx.region}::snapshot/*`,
      }),
      await volumeAuthorization(ctx, 'ec2:CreateSnapshot', input.VolumeId),
      ...tagOnCreate(ctx, 'CreateSnapshot', 'snapshot', tags).map((r) =>
        Object.assign(r, { resource: `arn:aws:ec2:${ctx.region}::snapshot/*` }),
      ),
    ]
  },
  async run(ctx, input) {
    const volume = await requireResource<VolumeAttributes>(ctx, 'volume', input.VolumeId)
    const attributes: SnapshotAttributes = {
      volumeId: volume.id,
      volumeSize: volume.attributes.size,
      description: typeof input.Description === 'string' ? input.Description : '',
      encrypted: volume.attributes.encrypted,
      ...(volume.attributes.kmsKeyId !== undefined ? { kmsKeyId: volume.attributes.kmsKeyId } : {}),
      startTime: ctx.now.getTime(),
    }
    const record = await insertResource(ctx, 'snapshot', {
      id: newResourceId('snap', ctx.random),
      attributes,
      tags: tagsOnCreate(input, ['snapshot']),
      parentId: volume.id,
    })
    return toSnapshotShape(record as SnapshotRecord, ctx.now)
  },
}
