import type { Operation } from '../../operation.js'
import { accountOf } from '../authz.js'
import { modificationInProgress } from '../compute/errors.js'
import type { VolumeAttributes, VolumeModificationRecord } from '../compute/records.js'
import { volumeAuthorization } from '../compute/volume-authorization.js'
import { modificationState, toModificationShape } from '../compute/volume-shape.js'
import { volumeSpec } from '../compute/volume-spec.js'
import { invalidParameterValue } from '../errors.js'
import { requireResource, updateResource } from '../resource-store.js'

/**
 * EC2 ModifyVolume: a larger size, another type, IOPS or throughput. The volume takes the new values at
 * once; the modification goes modifying → optimizing → completed as time passes.
 */
export const modifyVolume: Operation = {
  async authorize(ctx, input) {
    return [await volumeAuthorization(ctx, 'ec2:ModifyVolume', input.VolumeId)]
  },
  async run(ctx, input) {
    const volume = await requireResource<VolumeAttributes>(ctx, 'volume', input.VolumeId)
    let modification: VolumeModificationRecord | undefined
    await updateResource<VolumeAttributes>(ctx, volume, (current) => {
      const v = current.attributes
      if (v.modification !== undefined && modificationState(v.modification, ctx.now) !== 'completed')
        throw modificationInProgress(current.id)
      const size = typeof input.Size === 'number' ? input.Size : v.size
      if (size < v.size) throw invalidParameterValue(`New size cannot be smaller than existing size`)
      const volumeType = typeof input.VolumeType === 'string' ? input.VolumeType : v.volumeType
      const keepIops = volumeType === v.volumeType && volumeType !== 'gp2' ? v.iops : undefined
      const spec = volumeSpec(
        {
          Size: size,
          VolumeType: volumeType,
          ...(typeof input.Iops === 'number'
            ? { Iops: input.Iops }
            : keepIops !== undefined
              ? { Iops: keepIops }
              : {}),
          ...(typeof input.Throughput === 'number'
            ? { Throughput: input.Throughput }
            : volumeType === 'gp3' && v.throughput !== undefined
              ? { Throughput: v.throughput }
              : {}),
          Encrypted: v.encrypted,
        },
        {},
        { region: ctx.region, account: accountOf(ctx) },
      )
      const pick = (s: { size: number; volumeType: string; iops?: number; throughput?: number }) => ({
        size: s.size,
        volumeType: s.volumeType,
        ...(s.iops !== undefined ? { iops: s.iops } : {}),
        ...(s.throughput !== undefined ? { throughput: s.throughput } : {}),
      })
      modification = { startTime: ctx.now.getTime(), original: pick(v), target: pick(spec) }
      const { iops: _i, throughput: _t, ...base } = v
      return { attributes: Object.assign(base, pick(spec), { modification }) }
    })
    return { VolumeModification: toModificationShape(volume.id, modification!, ctx.now) }
  },
}
