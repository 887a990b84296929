import type { OperationContext } from '../operation.js'
import { invalidVpcId } from './errors.js'
import { callerAccount, type ZoneVpc } from './zone.js'

/** The VPC member of a request, its region defaulting to the request's. */
export function inputVpc(ctx: OperationContext, input: Record<string, unknown>): ZoneVpc | undefined {
  const vpc = input.VPC as { VPCId?: string; VPCRegion?: string } | undefined
  if (vpc?.VPCId === undefined) return undefined
  return { VPCId: vpc.VPCId, VPCRegion: vpc.VPCRegion ?? ctx.region }
}

/** AWS: `route53:VPCs` values read `VPCId=<vpc-id>,VPCRegion=<region>`. */
export const vpcConditionValue = (vpc: ZoneVpc): string => `VPCId=${vpc.VPCId},VPCRegion=${vpc.VPCRegion}`

/** `route53:VPCs` for a request naming a VPC. */
export const vpcContext = (vpc: ZoneVpc | undefined): Record<string, string[]> | undefined =>
  vpc === undefined ? undefined : { 'route53:VPCs': [vpcConditionValue(vpc)] }

/** Checks that the caller's account holds the VPC (an EC2 resource in the store); InvalidVPCId otherwise. */
export async function requireVpc(ctx: OperationContext, vpc: ZoneVpc): Promise<void> {
  const found = await ctx.store.cloudResources.find({
    accountId: callerAccount(ctx),
    region: vpc.VPCRegion,
    service: 'ec2',
    type: 'vpc',
    id: vpc.VPCId,
  })
  if (found === undefined) throw invalidVpcId(vpc.VPCId)
}
