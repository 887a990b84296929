/** One region Lanyard answers DescribeRegions with, and the zone letters it has. */
export interface RegionInfo {
  readonly name: string
  /** The short form of zone ids: `use1` gives `use1-az1`. */
  readonly zoneIdPrefix: string
  readonly zones: readonly string[]
}

/** The regions and their availability zones (zone names map to zone ids in letter order). */
export const REGIONS: readonly RegionInfo[] = [
  { name: 'us-east-1', zoneIdPrefix: 'use1', zones: ['a', 'b', 'c', 'd', 'e', 'f'] },
  { name: 'us-east-2', zoneIdPrefix: 'use2', zones: ['a', 'b', 'c'] },
  { name: 'us-west-1', zoneIdPrefix: 'usw1', zones: ['b', 'c'] },
  { name: 'us-west-2', zoneIdPrefix: 'usw2', zones: ['a', 'b', 'c', 'd'] },
  { name: 'ca-central-1', zoneIdPrefix: 'cac1', zones: ['a', 'b', 'd'] },
  { name: 'eu-west-1', zoneIdPrefix: 'euw1', zones: ['a', 'b', 'c'] },
  { name: 'eu-west-2', zoneIdPrefix: 'euw2', zones: ['a', 'b', 'c'] },
  { name: 'eu-central-1', zoneIdPrefix: 'euc1', zones: ['a', 'b', 'c'] },
  { name: 'ap-southeast-1', zoneIdPrefix: 'apse1', zones: ['a', 'b', 'c'] },
  { name: 'ap-northeast-1', zoneIdPrefix: 'apne1', zones: ['a', 'c', 'd'] },
]

/** An availability zone as DescribeAvailabilityZones writes it. */
export interface ZoneInfo {
  readonly ZoneName: string
  readonly ZoneId: string
  readonly RegionName: string
  readonly State: 'available'
  readonly OptInStatus: 'opt-in-not-required'
  readonly ZoneType: 'availability-zone'
  readonly GroupName: string
  readonly NetworkBorderGroup: string
  readonly Messages: readonly never[]
}

/** The zones of a region; a region not in the table gets zones a, b and c. */
export function zonesOf(region: string): ZoneInfo[] {
  const info = REGIONS.find((r) => r.name === region) ?? {
    name: region,
    zoneIdPrefix: region.replace(/-/g, ''),
    zones: ['a', 'b', 'c'],
  }
  return info.zones.map((letter, i) => ({
    ZoneName: `${region}${letter}`,
    ZoneId: `${info.zoneIdPrefix}-az${i + 1}`,
    RegionName: region,
    State: 'available',
    OptInStatus: 'opt-in-not-required',
    ZoneType: 'availability-zone',
    GroupName: region,
    NetworkBorderGroup: region,
    Messages: [],
  }))
}

/** The zone named `name` in `region`, or undefined. */
export function findZone(region: string, name: string): ZoneInfo | undefined {
  return zonesOf(region).find((z) => z.ZoneName === name || z.ZoneId === name)
}
