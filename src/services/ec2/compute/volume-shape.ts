import type { Ec2Record } from '../resource-store.js'
import { toWireTags } from '../tags.js'
import type { SnapshotAttributes, VolumeAttributes, VolumeModificationRecord } from './records.js'
import { EBS_TIMINGS } from './timings.js'

/** A stored volume. */
export type VolumeRecord = Ec2Record<VolumeAttributes>
/** A stored snapshot. */
export type SnapshotRecord = Ec2Record<SnapshotAttributes>

/** A volume's state at `now`: creating for a moment after CreateVolume, then in-use or available. */
export function volumeState(volume: VolumeAttributes, now: Date): 'creating' | 'available' | 'in-use' {
  if (volume.attachment !== undefined) return 'in-use'
  return now.getTime() - volume.createTime < EBS_TIMINGS.volumeCreateMs ? 'creating' : 'available'
}

/** The `Volume` shape at `now`. */
export function toVolumeShape(record: VolumeRecord, now: Date): Record<string, unknown> {
  const v = record.attributes
  return {
    Attachments: v.attachment
      ? [
          {
            AttachTime: new Date(v.attachment.attachTime),
            Device: v.attachment.device,
            InstanceId: v.attachment.instanceId,
            State: 'attached',
            VolumeId: record.id,
            DeleteOnTermination: v.attachment.deleteOnTermination,
          },
        ]
      : [],
    AvailabilityZone: v.availabilityZone,
    CreateTime: new Date(v.createTime),
    Encrypted: v.encrypted,
    ...(v.kmsKeyId !== undefined ? { KmsKeyId: v.kmsKeyId } : {}),
    Size: v.size,
    SnapshotId: v.snapshotId ?? '',
    State: volumeState(v, now),
    VolumeId: record.id,
    ...(v.iops !== undefined ? { Iops: v.iops } : {}),
    Tags: toWireTags(record.tags),
    VolumeType: v.volumeType,
    MultiAttachEnabled: v.multiAttachEnabled,
    ...(v.throughput !== undefined ? { Throughput: v.throughput } : {}),
  }
}

/** A modification's state at `now`: modifying, then optimizing, then completed. */
export function modificationState(
  m: VolumeModificationRecord,
  now: Date,
): 'modifying' | 'optimizing' | 'completed' {
  const elapsed = now.getTime() - m.startTime
  if (elapsed < EBS_TIMINGS.modifyingMs) return 'modifying'
  return elapsed < EBS_TIMINGS.modifyingMs + EBS_TIMINGS.optimizingMs ? 'optimizing' : 'completed'
}

/** The `VolumeModification` shape at `now`. */
export function toModificationShape(
  volumeId: string,
  m: VolumeModificationRecord,
  now: Date,
): Record<string, unknown> {
  const state = modificationState(m, now)
  const total = EBS_TIMINGS.modifyingMs + EBS_TIMINGS.optimizingMs
  const progress = Math.min(100, Math.floor(((now.getTime() - m.startTime) / total) * 100))
  return {
    VolumeId: volumeId,
    ModificationState: state,
    TargetSize: m.target.size,
    ...(m.target.iops !== undefined ? { TargetIops: m.target.iops } : {}),
    TargetVolumeType: m.target.volumeType,
    ...(m.target.throughput !== undefined ? { TargetThroughput: m.target.throughput } : {}),
    TargetMultiAttachEnabled: false,
    OriginalSize: m.original.size,
    ...(m.original.iops !== undefined ? { OriginalIops: m.original.iops } : {}),
    OriginalVolumeType: m.original.volumeType,
    ...(m.original.throughput !== undefined ? { OriginalThroughput: m.original.throughput } : {}),
    OriginalMultiAttachEnabled: false,
    Progress: state === 'completed' ? 100 : progress,
    StartTime: new Date(m.startTime),
    ...(state === 'completed' ? { EndTime: new Date(m.startTime + total) } : {}),
  }
}

/** The `Snapshot` shape at `now`: pending with a progress percentage, then completed. */
export function toSnapshotShape(record: SnapshotRecord, now: Date): Record<string, unknown> {
  const s = record.attributes
  const done = now.getTime() - s.startTime >= EBS_TIMINGS.snapshotMs
  const progress = done ? 100 : Math.floor(((now.getTime() - s.startTime) / EBS_TIMINGS.snapshotMs) * 100)
  return {
    Description: s.description,
    Encrypted: s.encrypted,
    ...(s.kmsKeyId !== undefined ? { KmsKeyId: s.kmsKeyId } : {}),
    OwnerId: record.accountId,
    Progress: `${progress}%`,
    SnapshotId: record.id,
    StartTime: new Date(s.startTime),
    State: done ? 'completed' : 'pending',
    VolumeId: s.volumeId,
    VolumeSize: s.volumeSize,
    Tags: toWireTags(record.tags),
    StorageTier: 'standard',
  }
}
