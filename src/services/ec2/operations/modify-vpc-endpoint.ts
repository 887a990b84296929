import type { Operation } from '../../operation.js'
import { onResource } from '../authz.js'
import { invalidParameterValue } from '../errors.js'
import { newResourceId } from '../resource-ids.js'
import { findResource, requireResource, updateResource } from '../resource-store.js'
import { FULL_ACCESS_POLICY, type VpcEndpointAttributes } from '../vpc-endpoints.js'

const list = (value: unknown): string[] => (Array.isArray(value) ? (value as string[]) : [])

/** EC2 ModifyVpcEndpoint: route tables (Gateway), subnets and groups (Interface), policy and private DNS. */
export const modifyVpcEndpoint: Operation = {
  async authorize(ctx, input) {
    const id = String(input.VpcEndpointId)
    return [
      onResource(
        ctx,
        'ec2:ModifyVpcEndpoint',
        'vpc-endpoint',
        id,
        await findResource(ctx, 'vpc-endpoint', id),
      ),
    ]
  },
  async run(ctx, input) {
    const endpoint = await requireResource<VpcEndpointAttributes>(ctx, 'vpc-endpoint', input.VpcEndpointId)
    const a = endpoint.attributes
    const inVpc = async (type: string, ids: string[]) => {
      const records = []
      for (const id of ids) {
        const record = await requireResource(ctx, type, id)
        if (record.attributes.VpcId !== a.VpcId)
          throw invalidParameterValue(`The ${type} ${id} does not belong to vpc ${a.VpcId}`)
        records.push(record)
      }
      return records
    }
    const gateway = a.VpcEndpointType === 'Gateway'
    if (gateway && (input.AddSubnetIds !== undefined || input.AddSecurityGroupIds !== undefined))
      throw invalidParameterValue('Subnets and security groups are for Interface endpoints.')
    if (!gateway && input.AddRouteTableIds !== undefined)
      throw invalidParameterValue('Route tables are for Gateway endpoints.')
    await inVpc('route-table', list(input.AddRouteTableIds))
    const subnets = await inVpc('subnet', list(input.AddSubnetIds))
    const groups = await inVpc('security-group', list(input.AddSecurityGroupIds))
    const without = (values: readonly string[], removed: unknown) =>
      values.filter((v) => !list(removed).includes(v))
    await updateResource(ctx, endpoint, (current) => {
      const c = current.attributes
      const newSubnets = subnets.map((s) => s.id).filter((id) => !c.SubnetIds.includes(id))
      // An Interface endpoint has one network interface per subnet, in the same order.
      const keptEnis = c.NetworkInterfaceIds.filter(
        (_, i) => !list(input.RemoveSubnetIds).includes(c.SubnetIds[i]!),
      )
      return {
        attributes: Object.assign({}, c, {
          RouteTableIds: [
            ...new Set([
              ...without(c.RouteTableIds, input.RemoveRouteTableIds),
              ...list(input.AddRouteTableIds),
            ]),
          ],
          SubnetIds: [...without(c.SubnetIds, input.RemoveSubnetIds), ...newSubnets],
          NetworkInterfaceIds: [...keptEnis, ...newSubnets.map(() => newResourceId('eni', ctx.random))],
          Groups: [
            ...c.Groups.filter((g) => !list(input.RemoveSecurityGroupIds).includes(g.GroupId)),
            ...groups
              .filter((g) => !c.Groups.some((x) => x.GroupId === g.id))
              .map((g) => ({ GroupId: g.id, GroupName: String(g.attributes.GroupName) })),
          ],
          PolicyDocument:
            input.ResetPolicy === true
              ? FULL_ACCESS_POLICY
              : typeof input.PolicyDocument === 'string'
                ? input.PolicyDocument
                : c.PolicyDocument,
          PrivateDnsEnabled:
            typeof input.PrivateDnsEnabled === 'boolean' && !gateway
              ? input.PrivateDnsEnabled
              : c.PrivateDnsEnabled,
        }),
      }
    })
    return { Return: true }
  },
}
