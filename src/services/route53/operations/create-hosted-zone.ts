import type { Operation } from '../../operation.js'
import { anyResource } from '../authz.js'
import { recordChange } from '../changes.js'
import { hostedZoneAlreadyExists, invalidInput } from '../errors.js'
import { toDelegationSet, toZoneShape } from '../mappers.js'
import { normalizeName } from '../names.js'
import { defaultRecords } from '../records.js'
import { inputVpc, requireVpc, vpcContext } from '../vpcs.js'
import {
  allZones,
  callerAccount,
  newRoute53Id,
  ZONE_KIND,
  type Zone,
  type ZoneAttributes,
  zoneArn,
} from '../zone.js'

const TLDS = ['com', 'net', 'org', 'co.uk']

/** Four name servers in AWS's style, one per top-level domain. */
function nameServers(random: (size: number) => Uint8Array): string[] {
  const bytes = random(8)
  return TLDS.map(
    (tld, i) => `ns-${((bytes[2 * i]! << 8) | bytes[2 * i + 1]!) % 2048}.awsdns-${bytes[i]! % 64}.${tld}.`,
  )
}

/** Route 53 CreateHostedZone: a public zone, or a private one associated with a VPC; SOA and NS records included. */
export const createHostedZone: Operation = {
  async authorize(ctx, input) {
    return [anyResource('CreateHostedZone', vpcContext(inputVpc(ctx, input)))]
  },
  async run(ctx, input) {
    const name = normalizeName(String(input.Name))
    const reference = String(input.CallerReference)
    const config = (input.HostedZoneConfig ?? {}) as { Comment?: string; PrivateZone?: boolean }
    const vpc = inputVpc(ctx, input)
    // AWS: a VPC makes the zone private; PrivateZone without a VPC is refused (wording unverified).
    if (config.PrivateZone === true && vpc === undefined)
      throw invalidInput('A private hosted zone requires a VPC (VPCId and VPCRegion).')
    if (vpc !== undefined) await requireVpc(ctx, vpc)
    if ((await allZones(ctx)).some((z) => z.attributes.callerReference === reference))
      throw hostedZoneAlreadyExists(reference)
    const id = newRoute53Id('Z', ctx.random)
    const servers = nameServers(ctx.random)
    const attributes: ZoneAttributes = {
      name,
      callerReference: reference,
      ...(config.Comment !== undefined ? { comment: config.Comment } : {}),
      privateZone: vpc !== undefined,
      vpcs: vpc === undefined ? [] : [vpc],
      nameServers: servers,
      records: defaultRecords(name, servers),
    }
    const { zone, change } = await ctx.store.transaction(async (tx) => {
      const zone = (await tx.cloudResources.insert({
        arn: zoneArn(id),
        accountId: callerAccount(ctx),
        ...ZONE_KIND,
        id,
        attributes,
        tags: [],
        at: ctx.now,
      })) as Zone
      return { zone, change: await recordChange(ctx, tx) }
    })
    return {
      HostedZone: toZoneShape(zone),
      ChangeInfo: change,
      DelegationSet: toDelegationSet(zone),
      VPC: vpc,
      Location: `https://route53.amazonaws.com/2013-04-01/hostedzone/${id}`,
    }
  },
}
