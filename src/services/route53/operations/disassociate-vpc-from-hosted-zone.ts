import type { Operation } from '../../operation.js'
import { lastVpcAssociation, vpcAssociationNotFound } from '../errors.js'
import { requirePrivateZoneAndVpc, saveZoneVpcs, vpcAssociationAuthorization } from '../vpc-association.js'

/** Route 53 DisassociateVPCFromHostedZone: removes a VPC from a private zone, never its last one. */
export const disassociateVpcFromHostedZone: Operation = {
  authorize: (ctx, input) => vpcAssociationAuthorization(ctx, 'DisassociateVPCFromHostedZone', input),
  async run(ctx, input) {
    const { zone, vpc } = await requirePrivateZoneAndVpc(ctx, input)
    const remaining = zone.attributes.vpcs.filter(
      (v) => !(v.VPCId === vpc.VPCId && v.VPCRegion === vpc.VPCRegion),
    )
    if (remaining.length === zone.attributes.vpcs.length) throw vpcAssociationNotFound(vpc.VPCId, zone.id)
    if (remaining.length === 0) throw lastVpcAssociation()
    return { ChangeInfo: await saveZoneVpcs(ctx, zone, remaining, input.Comment) }
  },
}
