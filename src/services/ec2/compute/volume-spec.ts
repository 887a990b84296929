import { AwsError } from '../../../kernel/aws-error.js'
import { invalidParameterCombination, invalidParameterValue, missingParameter } from '../errors.js'

/** What a new EBS volume is made of. */
export interface VolumeSpec {
  readonly size: number
  readonly volumeType: string
  readonly iops?: number
  readonly throughput?: number
  readonly encrypted: boolean
  readonly kmsKeyId?: string
  readonly snapshotId?: string
}

/** The members of CreateVolume and of a block-device mapping's `Ebs` that describe a volume. */
export interface VolumeRequest {
  readonly Size?: number
  readonly VolumeSize?: number
  readonly VolumeType?: string
  readonly Iops?: number
  readonly Throughput?: number
  readonly Encrypted?: boolean
  readonly KmsKeyId?: string
  readonly SnapshotId?: string
}

/** AWS: the size range (GiB) and IOPS rules of each volume type. */
const TYPES: Readonly<Record<string, { min: number; max: number; iops: 'none' | 'required' | 'optional' }>> =
  {
    standard: { min: 1, max: 1024, iops: 'none' },
    gp2: { min: 1, max: 16384, iops: 'none' },
    gp3: { min: 1, max: 16384, iops: 'optional' },
    io1: { min: 4, max: 16384, iops: 'required' },
    io2: { min: 4, max: 65536, iops: 'required' },
    st1: { min: 125, max: 16384, iops: 'none' },
    sc1: { min: 125, max: 16384, iops: 'none' },
  }

/** The AWS-managed EBS key EC2 names when a volume is encrypted without a KmsKeyId. */
export function defaultEbsKey(region: string, account: string): string {
  return `arn:aws:kms:${region}:${account}:alias/aws/ebs`
}

/**
 * Checks a volume request and fills in AWS's defaults: gp2, the snapshot's size, gp2's 3 IOPS per GiB
 * (100 to 16,000), gp3's 3,000 IOPS and 125 MiB/s.
 */
export function volumeSpec(
  request: VolumeRequest,
  defaults: { readonly size?: number; readonly volumeType?: string; readonly snapshotId?: string },
  owner: { readonly region: string; readonly account: string },
): VolumeSpec {
  const volumeType = request.VolumeType ?? defaults.volumeType ?? 'gp2'
  const rules = TYPES[volumeType]
  if (rules === undefined)
    throw invalidParameterValue(
      `Value (${volumeType}) for parameter volumeType is invalid. Valid values: ${Object.keys(TYPES).join(', ')}`,
    )
  const size = request.Size ?? request.VolumeSize ?? defaults.size
  const snapshotId = request.SnapshotId ?? defaults.snapshotId
  if (size === undefined) throw missingParameter('size or snapshotId')
  if (size < rules.min || size > rules.max)
    throw invalidParameterValue(
      `Volume of ${size}GiB is outside the range of ${volumeType} volumes: ${rules.min}-${rules.max}GiB.`,
    )
  if (defaults.size !== undefined && size < defaults.size && snapshotId !== undefined)
    throw new AwsError(
      'InvalidBlockDeviceMapping',
      400,
      `Volume of size ${size}GB is smaller than snapshot '${snapshotId}', expect size >= ${defaults.size}GB`,
    )
  if (rules.iops === 'none' && request.Iops !== undefined)
    throw invalidParameterCombination(`The parameter iops is not supported for ${volumeType} volumes.`)
  if (rules.iops === 'required' && request.Iops === undefined) throw missingParameter('iops')
  if (volumeType !== 'gp3' && request.Throughput !== undefined)
    throw invalidParameterCombination(`The parameter throughput is not supported for ${volumeType} volumes.`)
  const iops =
    volumeType === 'gp2'
      ? Math.min(16000, Math.max(100, size * 3))
      : volumeType === 'gp3'
        ? (request.Iops ?? 3000)
        : request.Iops
  const encrypted = request.Encrypted === true || request.KmsKeyId !== undefined
  return {
    size,
    volumeType,
    ...(iops !== undefined ? { iops } : {}),
    ...(volumeType === 'gp3' ? { throughput: request.Throughput ?? 125 } : {}),
    encrypted,
    ...(encrypted ? { kmsKeyId: request.KmsKeyId ?? defaultEbsKey(owner.region, owner.account) } : {}),
    ...(snapshotId !== undefined ? { snapshotId } : {}),
  }
}
