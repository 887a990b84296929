import type { Operation } from '../../operation.js'
import { zoneAuthorization } from '../authz.js'
import { recordChange } from '../changes.js'
import {
  invalidInput,
  lastVpcAssociation,
  publicZoneVpcAssociation,
  vpcAssociationNotFound,
} from '../errors.js'
import { bareZoneId } from '../names.js'
import { inputVpc, vpcContext } from '../vpcs.js'
import { requireZone, type ZoneAttributes } from '../zone.js'

/** Route 53 DisassociateVPCFromHostedZone: removes a VPC from a private zone, never its last one. */
export const disassociateVpcFromHostedZone: Operation = {
  async authorize(ctx, input) {
    return [
      zoneAuthorization(
        'DisassociateVPCFromHostedZone',
        bareZoneId(input.HostedZoneId),
        vpcContext(inputVpc(ctx, input)),
      ),
    ]
  },
  async run(ctx, input) {
    const zone = await requireZone(ctx, bareZoneId(input.HostedZoneId))
    const vpc = inputVpc(ctx, input)
    if (vpc === undefined) throw invalidInput('Invalid request: VPC is required.')
    if (!zone.attributes.privateZone) throw publicZoneVpcAssociation()
    const remaining = zone.attributes.vpcs.filter(
      (v) => !(v.VPCId === vpc.VPCId && v.VPCRegion === vpc.VPCRegion),
    )
    if (remaining.length === zone.attributes.vpcs.length) throw vpcAssociationNotFound(vpc.VPCId, zone.id)
    if (remaining.length === 0) throw lastVpcAssociation()
    const change = await ctx.store.transaction(async (tx) => {
      const attributes: ZoneAttributes = { ...zone.attributes, vpcs: remaining }
      await tx.cloudResources.update(zone.arn, { attributes, at: ctx.now }, zone.revision)
      return recordChange(ctx, tx, input.Comment as string | undefined)
    })
    return { ChangeInfo: change }
  },
}
