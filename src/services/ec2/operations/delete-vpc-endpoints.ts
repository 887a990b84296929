import type { Operation } from '../../operation.js'
import { onResource } from '../authz.js'
import { deleteResource, findResource } from '../resource-store.js'
import { resourceType } from '../resource-types.js'

/** EC2 DeleteVpcEndpoints: deletes each endpoint; AWS lists the ids it could not delete as Unsuccessful. */
export const deleteVpcEndpoints: Operation = {
  async authorize(ctx, input) {
    const ids = (input.VpcEndpointIds ?? []) as string[]
    return Promise.all(
      ids.map(async (id) =>
        onResource(
          ctx,
          'ec2:DeleteVpcEndpoints',
          'vpc-endpoint',
          id,
          await findResource(ctx, 'vpc-endpoint', id),
        ),
      ),
    )
  },
  async run(ctx, input) {
    const unsuccessful = []
    const type = resourceType('vpc-endpoint')
    for (const id of (input.VpcEndpointIds ?? []) as string[]) {
      const record = await findResource(ctx, 'vpc-endpoint', id)
      if (record === undefined) {
        unsuccessful.push({
          ResourceId: id,
          Error: { Code: type.notFound, Message: type.notFoundMessage([id]) },
        })
        continue
      }
      await deleteResource(ctx, record)
    }
    return { Unsuccessful: unsuccessful }
  },
}
