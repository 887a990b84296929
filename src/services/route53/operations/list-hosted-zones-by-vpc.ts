import type { Operation } from '../../operation.js'
import { anyResource } from '../authz.js'
import { invalidInput } from '../errors.js'
import { vpcConditionValue } from '../vpcs.js'
import { allZones, callerAccount } from '../zone.js'

/** Route 53 ListHostedZonesByVPC: the private zones associated with a VPC, by id, paged with NextToken. */
export const listHostedZonesByVpc: Operation = {
  readOnly: true,
  async authorize(_ctx, input) {
    const vpc = { VPCId: String(input.VPCId), VPCRegion: String(input.VPCRegion) }
    return [anyResource('ListHostedZonesByVPC', { 'route53:VPCs': [vpcConditionValue(vpc)] })]
  },
  async run(ctx, input) {
    const vpcId = String(input.VPCId)
    const region = String(input.VPCRegion)
    const max = (input.MaxItems as number | undefined) ?? 100
    const after = input.NextToken === undefined ? undefined : String(input.NextToken)
    if (after !== undefined && !/^Z[A-Z0-9]+$/.test(after)) throw invalidInput('Invalid pagination token.')
    const zones = (await allZones(ctx)).filter(
      (z) =>
        z.attributes.vpcs.some((v) => v.VPCId === vpcId && v.VPCRegion === region) &&
        (after === undefined || z.id >= after),
    )
    const page = zones.slice(0, max)
    return {
      HostedZoneSummaries: page.map((z) => ({
        HostedZoneId: z.id,
        Name: z.attributes.name,
        Owner: { OwningAccount: callerAccount(ctx) },
      })),
      MaxItems: max,
      NextToken: zones[max]?.id,
    }
  },
}
