import type { AuthorizationRequest, OperationContext } from '../operation.js'
import { zoneAuthorization } from './authz.js'
import { recordChange } from './changes.js'
import { invalidInput, publicZoneVpcAssociation } from './errors.js'
import { bareZoneId } from './names.js'
import { inputVpc, vpcContext } from './vpcs.js'
import { requireZone, type Zone, type ZoneAttributes, type ZoneVpc } from './zone.js'

/** Associate/DisassociateVPC…HostedZone: `route53:<action>` on the zone, with `route53:VPCs` of the VPC. */
export async function vpcAssociationAuthorization(
  ctx: OperationContext,
  action: string,
  input: Record<string, unknown>,
): Promise<AuthorizationRequest[]> {
  return [zoneAuthorization(action, bareZoneId(input.HostedZoneId), vpcContext(inputVpc(ctx, input)))]
}

/** The zone and the VPC the input names; InvalidInput without a VPC, PublicZoneVPCAssociation for a public zone. */
export async function requirePrivateZoneAndVpc(
  ctx: OperationContext,
  input: Record<string, unknown>,
): Promise<{ readonly zone: Zone; readonly vpc: ZoneVpc }> {
  const zone = await requireZone(ctx, bareZoneId(input.HostedZoneId))
  const vpc = inputVpc(ctx, input)
  if (vpc === undefined) throw invalidInput('Invalid request: VPC is required.')
  if (!zone.attributes.privateZone) throw publicZoneVpcAssociation()
  return { zone, vpc }
}

/** Stores the zone's new VPCs and records the change in one transaction; answers the ChangeInfo. */
export function saveZoneVpcs(
  ctx: OperationContext,
  zone: Zone,
  vpcs: readonly ZoneVpc[],
  comment: unknown,
): Promise<Record<string, unknown>> {
  return ctx.store.transaction(async (tx) => {
    const attributes: ZoneAttributes = Object.assign({}, zone.attributes, { vpcs })
    await tx.cloudResources.update(zone.arn, { attributes, at: ctx.now }, zone.revision)
    return recordChange(ctx, tx, comment as string | undefined)
  })
}
