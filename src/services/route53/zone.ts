import { base32Encode, type RandomBytes } from '../../kernel/ids.js'
import type { CloudResourceRecord } from '../../store/index.js'
import type { OperationContext } from '../operation.js'
import { noSuchHostedZone } from './errors.js'
import type { RecordSet } from './records.js'

/** A VPC associated with a private zone. */
export type ZoneVpc = { readonly VPCRegion: string; readonly VPCId: string }

/** A hosted zone's attributes in `store.cloudResources` (service `route53`, type `hostedzone`, region ''). */
export type ZoneAttributes = {
  /** Normalized, with the trailing dot. */
  readonly name: string
  readonly callerReference: string
  readonly comment?: string
  readonly privateZone: boolean
  readonly vpcs: readonly ZoneVpc[]
  readonly nameServers: readonly string[]
  /** Every record set, the apex SOA and NS included. */
  readonly records: readonly RecordSet[]
}

/** A stored hosted zone. */
export type Zone = CloudResourceRecord<ZoneAttributes>

/** The service and type hosted zones are stored under; Route 53 is global, so region is ''. */
export const ZONE_KIND = { service: 'route53', type: 'hostedzone', region: '' } as const

/** The ARN of a hosted zone. */
export const zoneArn = (id: string): string => `arn:aws:route53:::hostedzone/${id}`

/** AWS: hosted zone and change ids are a letter and upper-case letters and digits. */
export const newRoute53Id = (prefix: 'Z' | 'C', random: RandomBytes): string =>
  (prefix + base32Encode(random(13)).toUpperCase()).slice(0, 21)

/** The caller's account. */
export const callerAccount = (ctx: OperationContext): string => ctx.caller?.principal.account ?? ''

/** The caller's hosted zone with that id, or undefined (another account's zone is not found either). */
export async function findZone(ctx: OperationContext, id: string): Promise<Zone | undefined> {
  const zone = await ctx.store.cloudResources.get<ZoneAttributes>(zoneArn(id))
  return zone !== undefined && zone.accountId === callerAccount(ctx) && zone.type === 'hostedzone'
    ? zone
    : undefined
}

/** The caller's hosted zone with that id; NoSuchHostedZone otherwise. */
export async function requireZone(ctx: OperationContext, id: string): Promise<Zone> {
  const zone = await findZone(ctx, id)
  if (zone === undefined) throw noSuchHostedZone(id)
  return zone
}

/** Every hosted zone of the caller's account, ordered by id. */
export async function allZones(ctx: OperationContext): Promise<Zone[]> {
  const out: Zone[] = []
  let after: string | undefined
  do {
    const page = await ctx.store.cloudResources.list<ZoneAttributes>({
      accountId: callerAccount(ctx),
      ...ZONE_KIND,
      limit: 1000,
      ...(after ? { after } : {}),
    })
    out.push(...page.items)
    after = page.next
  } while (after !== undefined)
  return out
}
