import type { Ec2Record } from './resource-store.js'
import { toWireTags } from './tags.js'

/** How long a NAT gateway's transient states last (computed on read). */
export const NAT_TIMINGS = {
  /** pending → available. */
  pendingMs: 1_000,
  /** deleting → deleted. */
  deletingMs: 1_000,
} as const

/** The attributes of a stored NAT gateway: its wire shape with the stored state and ISO times. */
export interface NatGatewayAttributes {
  readonly NatGatewayId: string
  readonly SubnetId: string
  readonly VpcId: string
  readonly ConnectivityType: 'public' | 'private'
  /** `pending` until deleted, then `deleting`; the wire state follows from the times. */
  readonly State: 'pending' | 'deleting'
  readonly CreateTime: string
  readonly DeleteTime?: string
  readonly ClientToken?: string
  readonly NatGatewayAddresses: readonly {
    readonly AllocationId?: string
    readonly PublicIp?: string
    readonly PrivateIp: string
    readonly NetworkInterfaceId: string
  }[]
}

/** The state of a NAT gateway at `now`: pending → available after creation, deleting → deleted after deletion. */
export function natState(a: NatGatewayAttributes, now: Date): string {
  if (a.State === 'deleting')
    return now.getTime() - Date.parse(a.DeleteTime ?? a.CreateTime) >= NAT_TIMINGS.deletingMs
      ? 'deleted'
      : 'deleting'
  return now.getTime() - Date.parse(a.CreateTime) >= NAT_TIMINGS.pendingMs ? 'available' : 'pending'
}

/** The wire shape of a NAT gateway at `now`. */
export function natGatewayShape(record: Ec2Record<object>, now: Date): Record<string, unknown> {
  const a = record.attributes as unknown as NatGatewayAttributes
  return {
    NatGatewayId: a.NatGatewayId,
    SubnetId: a.SubnetId,
    VpcId: a.VpcId,
    ConnectivityType: a.ConnectivityType,
    State: natState(a, now),
    CreateTime: new Date(a.CreateTime),
    ...(a.DeleteTime === undefined ? {} : { DeleteTime: new Date(a.DeleteTime) }),
    NatGatewayAddresses: a.NatGatewayAddresses,
    Tags: toWireTags(record.tags),
  }
}
