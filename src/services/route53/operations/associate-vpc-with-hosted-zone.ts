import type { Operation } from '../../operation.js'
import { zoneAuthorization } from '../authz.js'
import { recordChange } from '../changes.js'
import { invalidInput, publicZoneVpcAssociation } from '../errors.js'
import { bareZoneId } from '../names.js'
import { inputVpc, requireVpc, vpcContext } from '../vpcs.js'
import { requireZone, type ZoneAttributes } from '../zone.js'

/** Route 53 AssociateVPCWithHostedZone: another VPC for a private zone. */
export const associateVpcWithHostedZone: Operation = {
  async authorize(ctx, input) {
    return [
      zoneAuthorization(
        'AssociateVPCWithHostedZone',
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
    await requireVpc(ctx, vpc)
    // AWS: associating a VPC that is already associated is a conflict (wording unverified).
    if (zone.attributes.vpcs.some((v) => v.VPCId === vpc.VPCId && v.VPCRegion === vpc.VPCRegion))
      throw invalidInput(
        `The VPC ${vpc.VPCId} in ${vpc.VPCRegion} region has already been associated with the hosted zone ${zone.id} with the same domain name.`,
      )
    const change = await ctx.store.transaction(async (tx) => {
      const attributes: ZoneAttributes = { ...zone.attributes, vpcs: [...zone.attributes.vpcs, vpc] }
      await tx.cloudResources.update(zone.arn, { attributes, at: ctx.now }, zone.revision)
      return recordChange(ctx, tx, input.Comment as string | undefined)
    })
    return { ChangeInfo: change }
  },
}
