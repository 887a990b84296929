import { AwsError } from '../../../kernel/aws-error.js'
import type { CatalogImage } from './image-catalog.js'
import { type VolumeRequest, type VolumeSpec, volumeSpec } from './volume-spec.js'

/** One `BlockDeviceMapping.N` of RunInstances. */
export interface BlockDeviceMappingInput {
  readonly DeviceName?: string
  readonly VirtualName?: string
  readonly NoDevice?: string
  readonly Ebs?: VolumeRequest & { readonly DeleteOnTermination?: boolean }
}

/** A volume RunInstances creates and attaches to each instance it launches. */
export interface PlannedDevice {
  readonly deviceName: string
  readonly spec: VolumeSpec
  readonly deleteOnTermination: boolean
}

const invalidMapping = (message: string) => new AwsError('InvalidBlockDeviceMapping', 400, message)

/**
 * The EBS volumes one instance gets: the image's root volume (which a mapping of the root device name may
 * resize or retype) and every other mapping with `Ebs`. Ephemeral (`VirtualName`) and `NoDevice` mappings
 * create nothing.
 */
export function planDevices(
  image: CatalogImage,
  mappings: readonly BlockDeviceMappingInput[],
  owner: { readonly region: string; readonly account: string },
): PlannedDevice[] {
  const seen = new Set<string>()
  for (const mapping of mappings) {
    const name = mapping.DeviceName ?? ''
    if (name === '')
      throw new AwsError('MissingParameter', 400, 'The request must contain the parameter deviceName')
    if (seen.has(name))
      throw invalidMapping(`The device '${name}' is used in more than one block-device mapping`)
    seen.add(name)
  }
  const root = mappings.find((m) => m.DeviceName === image.rootDeviceName)
  const devices: PlannedDevice[] = []
  if (root?.NoDevice === undefined) {
    devices.push({
      deviceName: image.rootDeviceName,
      spec: volumeSpec(
        root?.Ebs ?? {},
        { size: image.rootSizeGiB, volumeType: 'gp2', snapshotId: image.rootSnapshotId },
        owner,
      ),
      // AWS: the root volume of an EBS-backed image is deleted on termination unless the mapping says otherwise.
      deleteOnTermination: root?.Ebs?.DeleteOnTermination ?? true,
    })
  }
  for (const mapping of mappings) {
    if (mapping === root || mapping.Ebs === undefined || mapping.NoDevice !== undefined) continue
    devices.push({
      deviceName: mapping.DeviceName!,
      spec: volumeSpec(mapping.Ebs, {}, owner),
      deleteOnTermination: mapping.Ebs.DeleteOnTermination ?? true,
    })
  }
  return devices
}
