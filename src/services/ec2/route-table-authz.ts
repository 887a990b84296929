import type { AuthorizationRequest, OperationContext } from '../operation.js'
import { onResource } from './authz.js'
import { findResource } from './resource-store.js'

/** An authorization on a route table, with `ec2:Vpc` naming its VPC. */
export async function onRouteTable(
  ctx: OperationContext,
  action: string,
  routeTableId: unknown,
): Promise<AuthorizationRequest> {
  const id = String(routeTableId ?? '')
  const table = await findResource(ctx, 'route-table', id)
  const vpc = table?.attributes.VpcId
  const context: Record<string, string> =
    typeof vpc === 'string' ? { 'ec2:Vpc': `arn:aws:ec2:${ctx.region}:${table!.accountId}:vpc/${vpc}` } : {}
  return onResource(ctx, action, 'route-table', id, table, context)
}
