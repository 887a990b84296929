import type { Operation } from '../../operation.js'
import { invalidInput } from '../errors.js'
import { requirePrivateZoneAndVpc, saveZoneVpcs, vpcAssociationAuthorization } from '../vpc-association.js'
import { requireVpc } from '../vpcs.js'

/** Route 53 AssociateVPCWithHostedZone: another VPC for a private zone. */
export const associateVpcWithHostedZone: Operation = {
  authorize: (ctx, input) => vpcAssociationAuthorization(ctx, 'AssociateVPCWithHostedZone', input),
  async run(ctx, input) {
    const { zone, vpc } = await requirePrivateZoneAndVpc(ctx, input)
    await requireVpc(ctx, vpc)
    // AWS: associating a VPC that is already associated is a conflict (wording unverified).
    if (zone.attributes.vpcs.some((v) => v.VPCId === vpc.VPCId && v.VPCRegion === vpc.VPCRegion))
      throw invalidInput(
        `The VPC ${vpc.VPCId} in ${vpc.VPCRegion} region has already been associated with the hosted zone ${zone.id} with the same domain name.`,
      )
    return { ChangeInfo: await saveZoneVpcs(ctx, zone, [...zone.attributes.vpcs, vpc], input.Comment) }
  },
}
