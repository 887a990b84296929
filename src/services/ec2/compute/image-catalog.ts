import { createHash } from 'node:crypto'

/** The account that publishes Red Hat Enterprise Linux CoreOS images. */
export const RHCOS_OWNER = '531415883065'

/** One image of the built-in catalog, before it is placed in a region. */
interface CatalogEntry {
  readonly name: string
  readonly description: string
  readonly architecture: 'x86_64' | 'arm64'
  readonly creationDate: string
  readonly rootSizeGiB: number
}

/** The RHCOS builds the catalog carries; every region has each of them under its own image id. */
const ENTRIES: readonly CatalogEntry[] = [
  ...(['x86_64', 'arm64'] as const).flatMap((architecture) => [
    {
      name: `rhcos-9.6.20251023-0-${architecture}`,
      description: 'OpenShift 4.22 RHCOS 9.6.20251023-0',
      architecture,
      creationDate: '2025-10-23T08:14:31.000Z',
      rootSizeGiB: 16,
    },
    {
      name: `rhcos-9.6.20250911-0-${architecture}`,
      description: 'OpenShift 4.21 RHCOS 9.6.20250911-0',
      architecture,
      creationDate: '2025-09-11T10:02:54.000Z',
      rootSizeGiB: 16,
    },
  ]),
]

/** An image as Lanyard stores nothing of it: computed from the catalog for a region. */
export interface CatalogImage extends CatalogEntry {
  readonly imageId: string
  readonly ownerId: string
  readonly region: string
  readonly rootDeviceName: string
  readonly rootSnapshotId: string
}

/** A stable id for a catalog name in a region: the same on every server, different per region, as AWS's are. */
function stableId(prefix: string, region: string, name: string): string {
  return `${prefix}-${createHash('sha256').update(`${region}/${name}`).digest('hex').slice(0, 17)}`
}

const BY_REGION = new Map<string, readonly CatalogImage[]>()

/** The catalog's images in one region (any region name gets the whole catalog). */
export function catalogImages(region: string): readonly CatalogImage[] {
  let images = BY_REGION.get(region)
  if (images === undefined) {
    images = ENTRIES.map((entry) => ({
      name: entry.name,
      description: entry.description,
      architecture: entry.architecture,
      creationDate: entry.creationDate,
      rootSizeGiB: entry.rootSizeGiB,
      imageId: stableId('ami', region, entry.name),
      ownerId: RHCOS_OWNER,
      region,
      rootDeviceName: '/dev/xvda',
      rootSnapshotId: stableId('snap', region, entry.name),
    }))
    BY_REGION.set(region, images)
  }
  return images
}

/** The catalog image with this id in the region, if any. */
export function findCatalogImage(region: string, imageId: string): CatalogImage | undefined {
  return catalogImages(region).find((image) => image.imageId === imageId)
}

/** The `Image` shape of DescribeImages. */
export function toImageShape(image: CatalogImage): Record<string, unknown> {
  return {
    Architecture: image.architecture,
    CreationDate: image.creationDate,
    ImageId: image.imageId,
    ImageLocation: `${image.ownerId}/${image.name}`,
    ImageType: 'machine',
    Public: true,
    OwnerId: image.ownerId,
    PlatformDetails: 'Linux/UNIX',
    UsageOperation: 'RunInstances',
    State: 'available',
    BlockDeviceMappings: [
      {
        DeviceName: image.rootDeviceName,
        Ebs: {
          DeleteOnTermination: true,
          SnapshotId: image.rootSnapshotId,
          VolumeSize: image.rootSizeGiB,
          VolumeType: 'gp2',
          Encrypted: false,
        },
      },
    ],
    Description: image.description,
    EnaSupport: true,
    Hypervisor: 'xen',
    Name: image.name,
    RootDeviceName: image.rootDeviceName,
    RootDeviceType: 'ebs',
    SriovNetSupport: 'simple',
    VirtualizationType: 'hvm',
    BootMode: image.architecture === 'arm64' ? 'uefi' : 'uefi-preferred',
    Tags: [],
  }
}
