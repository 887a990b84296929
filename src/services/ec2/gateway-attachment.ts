import type { AuthorizationRequest, OperationContext } from '../operation.js'
import { onResource } from './authz.js'
import type { InternetGatewayAttributes } from './internet-gateways.js'
import { type Ec2Record, findResource, requireResource } from './resource-store.js'

/** Attach/DetachInternetGateway: `action` on the gateway and on the VPC the input names. */
export async function gatewayAttachmentAuthorization(
  ctx: OperationContext,
  action: string,
  input: Record<string, unknown>,
): Promise<AuthorizationRequest[]> {
  const igw = String(input.InternetGatewayId)
  const vpc = String(input.VpcId)
  return [
    onResource(ctx, action, 'internet-gateway', igw, await findResource(ctx, 'internet-gateway', igw)),
    onResource(ctx, action, 'vpc', vpc, await findResource(ctx, 'vpc', vpc)),
  ]
}

/** The gateway and the VPC the input names; their Malformed or NotFound error when either is bad or unknown. */
export async function requireGatewayAndVpc(
  ctx: OperationContext,
  input: Record<string, unknown>,
): Promise<{ readonly igw: Ec2Record<InternetGatewayAttributes>; readonly vpc: Ec2Record }> {
  const igw = await requireResource<InternetGatewayAttributes>(
    ctx,
    'internet-gateway',
    input.InternetGatewayId,
  )
  const vpc = await requireResource(ctx, 'vpc', input.VpcId)
  return { igw, vpc }
}
