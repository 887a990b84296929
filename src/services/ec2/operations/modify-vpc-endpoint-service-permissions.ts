import type { Operation } from '../../operation.js'
import { onResource } from '../authz.js'
import {
  type AllowedPrincipal,
  type EndpointServiceAttributes,
  invalidPrincipal,
  principalType,
} from '../endpoint-services.js'
import { newResourceId } from '../resource-ids.js'
import { findResource, requireResource, updateResource } from '../resource-store.js'

/** EC2 ModifyVpcEndpointServicePermissions: adds and removes the principals allowed to connect. */
export const modifyVpcEndpointServicePermissions: Operation = {
  async authorize(ctx, input) {
    const id = String(input.ServiceId)
    return [
      onResource(
        ctx,
        'ec2:ModifyVpcEndpointServicePermissions',
        'vpc-endpoint-service',
        id,
        await findResource(ctx, 'vpc-endpoint-service', id),
      ),
    ]
  },
  async run(ctx, input) {
    const service = await requireResource<EndpointServiceAttributes>(
      ctx,
      'vpc-endpoint-service',
      input.ServiceId,
    )
    const add = (input.AddAllowedPrincipals ?? []) as string[]
    const remove = (input.RemoveAllowedPrincipals ?? []) as string[]
    for (const principal of [...add, ...remove])
      if (principalType(principal) === undefined) throw invalidPrincipal(principal)
    const added: AllowedPrincipal[] = []
    await updateResource(ctx, service, (current) => {
      const kept = current.attributes.AllowedPrincipals.filter((p) => !remove.includes(p.Principal))
      for (const principal of add) {
        if (kept.some((p) => p.Principal === principal)) continue
        const entry = {
          Principal: principal,
          PrincipalType: principalType(principal)!,
          ServicePermissionId: newResourceId('vpce-svc-perm', ctx.random),
        }
        kept.push(entry)
        added.push(entry)
      }
      return { attributes: Object.assign({}, current.attributes, { AllowedPrincipals: kept }) }
    })
    return {
      ReturnValue: true,
      AddedPrincipals: added.map((p) => ({
        Principal: p.Principal,
        PrincipalType: p.PrincipalType,
        ServicePermissionId: p.ServicePermissionId,
        ServiceId: service.id,
      })),
    }
  },
}
