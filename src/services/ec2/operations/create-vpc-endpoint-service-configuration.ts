import type { Operation } from '../../operation.js'
import { accountOf, onNewResource, tagOnCreate } from '../authz.js'
import { type EndpointServiceAttributes, endpointServiceShape } from '../endpoint-services.js'
import { invalidParameterValue } from '../errors.js'
import { newResourceId } from '../resource-ids.js'
import { insertResource, listResources } from '../resource-store.js'
import { tagsOnCreate } from '../tags.js'

const TYPE = 'vpc-endpoint-service'

/** EC2 CreateVpcEndpointServiceConfiguration: a PrivateLink service in front of network load balancers. */
export const createVpcEndpointServiceConfiguration: Operation = {
  async authorize(ctx, input) {
    const tags = tagsOnCreate(input, [TYPE])
    return [
      onNewResource(ctx, 'ec2:CreateVpcEndpointServiceConfiguration', TYPE, tags),
      ...tagOnCreate(ctx, 'CreateVpcEndpointServiceConfiguration', TYPE, tags),
    ]
  },
  async run(ctx, input) {
    const tags = tagsOnCreate(input, [TYPE])
    const token = typeof input.ClientToken === 'string' ? input.ClientToken : undefined
    if (token !== undefined) {
      const earlier = (await listResources<EndpointServiceAttributes>(ctx, TYPE)).find(
        (s) => s.attributes.ClientToken === token,
      )
      if (earlier !== undefined)
        return { ClientToken: token, ServiceConfiguration: endpointServiceShape(earlier) }
    }
    if (input.GatewayLoadBalancerArns !== undefined)
      throw invalidParameterValue('Lanyard offers endpoint services for network load balancers only.')
    const arns = (input.NetworkLoadBalancerArns ?? []) as string[]
    if (arns.length === 0) throw invalidParameterValue('At least one network load balancer ARN is required.')
    const zones = new Set<string>()
    for (const arn of arns) {
      const balancer = await ctx.store.cloudResources.get(arn)
      if (
        balancer === undefined ||
        balancer.accountId !== accountOf(ctx) ||
        balancer.attributes.type !== 'network'
      )
        throw invalidParameterValue(`The load balancer ARN '${arn}' is not valid`)
      for (const zone of (balancer.attributes.zones ?? []) as { zoneName: string }[]) zones.add(zone.zoneName)
    }
    const id = newResourceId('vpce-svc', ctx.random)
    const name = `com.amazonaws.vpce.${ctx.region}.${id}`
    const attributes: EndpointServiceAttributes = {
      ServiceId: id,
      ServiceName: name,
      ServiceState: 'Available',
      ServiceType: [{ ServiceType: 'Interface' }],
      AvailabilityZones: [...zones].sort(),
      AcceptanceRequired: input.AcceptanceRequired !== false,
      ManagesVpcEndpoints: false,
      NetworkLoadBalancerArns: arns,
      SupportedIpAddressTypes: ['ipv4'],
      BaseEndpointDnsNames: [`${id}.${ctx.region}.vpce.amazonaws.com`],
      ...(typeof input.PrivateDnsName === 'string' ? { PrivateDnsName: input.PrivateDnsName } : {}),
      AllowedPrincipals: [],
      ...(token === undefined ? {} : { ClientToken: token }),
    }
    const record = await insertResource(ctx, TYPE, { id, tags, attributes })
    return {
      ServiceConfiguration: endpointServiceShape(record),
      ...(token === undefined ? {} : { ClientToken: token }),
    }
  },
}
