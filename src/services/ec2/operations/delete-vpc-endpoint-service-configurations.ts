import type { Operation } from '../../operation.js'
import { onResource } from '../authz.js'
import { deleteResource, findResource } from '../resource-store.js'
import { resourceType } from '../resource-types.js'

/** EC2 DeleteVpcEndpointServiceConfigurations: unknown ids are reported in Unsuccessful, as AWS does. */
export const deleteVpcEndpointServiceConfigurations: Operation = {
  async authorize(ctx, input) {
    return Promise.all(
      ((input.ServiceIds ?? []) as string[]).map(async (id) =>
        onResource(
          ctx,
          'ec2:DeleteVpcEndpointServiceConfigurations',
          'vpc-endpoint-service',
          id,
          await findResource(ctx, 'vpc-endpoint-service', id),
        ),
      ),
    )
  },
  async run(ctx, input) {
    const type = resourceType('vpc-endpoint-service')
    const unsuccessful = []
    for (const id of (input.ServiceIds ?? []) as string[]) {
      const record = await findResource(ctx, 'vpc-endpoint-service', id)
      if (record === undefined)
        unsuccessful.push({
          ResourceId: id,
          Error: { Code: type.notFound, Message: type.notFoundMessage([id]) },
        })
      else await deleteResource(ctx, record)
    }
    return { Unsuccessful: unsuccessful }
  },
}
