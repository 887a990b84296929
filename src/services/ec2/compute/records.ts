import type { StoredState } from './instance-state.js'

/** One EBS volume attached to an instance, as the instance keeps it. */
export type BlockDevice = {
  readonly deviceName: string
  readonly volumeId: string
  /** Epoch milliseconds. */
  readonly attachTime: number
  readonly deleteOnTermination: boolean
}

/** The attributes Lanyard stores for an EC2 instance (store type `instance`, parent: its subnet). */
export type InstanceAttributes = {
  readonly reservationId: string
  readonly imageId: string
  readonly instanceType: string
  readonly architecture: string
  readonly amiLaunchIndex: number
  readonly keyName?: string
  readonly subnetId: string
  readonly vpcId: string
  readonly availabilityZone: string
  readonly privateIpAddress: string
  readonly macAddress: string
  readonly networkInterfaceId: string
  readonly securityGroups: readonly { readonly groupId: string; readonly groupName: string }[]
  readonly state: StoredState
  readonly stateTransitionReason: string
  /** Epoch milliseconds of the last start. */
  readonly launchTime: number
  readonly clientToken?: string
  readonly iamInstanceProfile?: { readonly arn: string; readonly id: string }
  readonly rootDeviceName: string
  readonly blockDevices: readonly BlockDevice[]
  /** Base64, as given. */
  readonly userData?: string
  readonly disableApiTermination: boolean
  readonly disableApiStop: boolean
  readonly sourceDestCheck: boolean
  readonly ebsOptimized: boolean
  readonly shutdownBehavior: 'stop' | 'terminate'
  readonly requesterId?: string
}

/** A volume's attachment. */
export type VolumeAttachmentRecord = {
  readonly instanceId: string
  readonly device: string
  readonly attachTime: number
  readonly deleteOnTermination: boolean
}

/** A ModifyVolume request and when it was made. */
export type VolumeModificationRecord = {
  readonly startTime: number
  readonly original: {
    readonly size: number
    readonly volumeType: string
    readonly iops?: number
    readonly throughput?: number
  }
  readonly target: {
    readonly size: number
    readonly volumeType: string
    readonly iops?: number
    readonly throughput?: number
  }
}

/** The attributes Lanyard stores for an EBS volume (store type `volume`, parent: the instance it is attached to). */
export type VolumeAttributes = {
  readonly availabilityZone: string
  readonly size: number
  readonly volumeType: string
  readonly iops?: number
  readonly throughput?: number
  readonly encrypted: boolean
  readonly kmsKeyId?: string
  readonly snapshotId?: string
  /** Epoch milliseconds. */
  readonly createTime: number
  readonly attachment?: VolumeAttachmentRecord
  readonly modification?: VolumeModificationRecord
  readonly multiAttachEnabled: boolean
}

/** The attributes Lanyard stores for an EBS snapshot (store type `snapshot`, parent: its volume). */
export type SnapshotAttributes = {
  readonly volumeId: string
  readonly volumeSize: number
  readonly description: string
  readonly encrypted: boolean
  readonly kmsKeyId?: string
  /** Epoch milliseconds. */
  readonly startTime: number
}

/** The attributes of a ClientToken record: which reservation a token made and a digest of its parameters. */
export type RunTokenAttributes = {
  readonly reservationId: string
  readonly instanceIds: readonly string[]
  readonly digest: string
}
