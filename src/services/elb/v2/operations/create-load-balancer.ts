import type { Operation, OperationContext } from '../../../operation.js'
import { accountOf, ELB_SERVICE_NAME, loadBalancerArn, newHexId, RESOURCE_TYPE } from '../../arns.js'
import { elbAuthorization, requestTagContext, tagOnCreate } from '../../authz.js'
import { duplicateLoadBalancerName, validationError } from '../../errors.js'
import { canonicalHostedZoneId } from '../../hosted-zones.js'
import { insertOrExisting } from '../../insert-or-existing.js'
import { checkTagCount, inputTags } from '../../tags.js'
import { toLoadBalancerShape } from '../mappers.js'
import { inputSubnetIds, placeInSubnets, securityGroupsFor } from '../placement.js'
import type { LoadBalancerAttributes } from '../records.js'
import { loadBalancerDefaults } from '../settings.js'

/** How long a new load balancer stays `provisioning`. */
const PROVISIONING_MS = 1_000

const typeOf = (input: Record<string, unknown>): 'application' | 'network' => {
  const type = (input.Type as string | undefined) ?? 'application'
  if (type !== 'application' && type !== 'network')
    throw validationError(`Load balancer type '${type}' is not supported`)
  return type
}

const arnOf = (ctx: OperationContext, input: Record<string, unknown>): string => {
  const name = String(input.Name)
  return loadBalancerArn(ctx, typeOf(input) === 'network' ? 'net' : 'app', name, newHexId(ctx, name))
}

/** AWS: names take 1–32 letters, digits and hyphens, neither starting nor ending with a hyphen nor starting with `internal-`. */
function checkName(name: string): void {
  if (!/^[a-zA-Z0-9-]{1,32}$/.test(name))
    throw validationError(
      `The load balancer name '${name}' can have a maximum of 32 characters, and can contain only alphanumeric characters and hyphens`,
    )
  if (name.startsWith('-') || name.endsWith('-'))
    throw validationError(`The load balancer name '${name}' cannot begin or end with a hyphen`)
  if (name.startsWith('internal-'))
    throw validationError(`The load balancer name '${name}' cannot begin with 'internal-'`)
}

/** AWS: `<name>-<digits>.<region>.elb.amazonaws.com` (application, `internal-` when internal); `<name>-<hex>.elb.<region>.amazonaws.com` (network). */
function dnsName(
  ctx: OperationContext,
  a: Pick<LoadBalancerAttributes, 'name' | 'type' | 'scheme'>,
  id: string,
) {
  if (a.type === 'network') return `${a.name}-${id}.elb.${ctx.region}.amazonaws.com`
  const digits = String(Number.parseInt(id.slice(0, 8), 16))
  return `${a.scheme === 'internal' ? 'internal-' : ''}${a.name}-${digits}.${ctx.region}.elb.amazonaws.com`
}

const sameSettings = (a: LoadBalancerAttributes, b: LoadBalancerAttributes): boolean =>
  a.type === b.type &&
  a.scheme === b.scheme &&
  a.zones.map((z) => z.subnetId).join() === b.zones.map((z) => z.subnetId).join() &&
  [...a.securityGroups].sort().join() === [...b.securityGroups].sort().join()

/** ELBv2 CreateLoadBalancer: an application or network load balancer in subnets of one VPC; the same call again answers the same load balancer. */
export const createLoadBalancer: Operation = {
  async authorize(ctx, input) {
    const arn = arnOf(ctx, input)
    const tags = inputTags(input)
    const context = {
      'elasticloadbalancing:Scheme': String(input.Scheme ?? 'internet-facing'),
      'elasticloadbalancing:Subnet': inputSubnetIds(input),
      'elasticloadbalancing:SecurityGroup': Array.isArray(input.SecurityGroups)
        ? input.SecurityGroups.map(String)
        : [],
      ...requestTagContext(tags),
    }
    return [
      elbAuthorization('CreateLoadBalancer', arn, context),
      ...tagOnCreate('CreateLoadBalancer', arn, tags),
    ]
  },
  async run(ctx, input) {
    const name = String(input.Name)
    checkName(name)
    const type = typeOf(input)
    const tags = inputTags(input)
    checkTagCount(tags)
    const scheme = input.Scheme === 'internal' ? 'internal' : 'internet-facing'
    const { vpcId, zones } = await placeInSubnets(ctx, inputSubnetIds(input), type)
    const groups = Array.isArray(input.SecurityGroups) ? input.SecurityGroups.map(String) : []
    const securityGroups = await securityGroupsFor(ctx, groups, vpcId, type)
    const id = newHexId(ctx, name)
    const attributes: LoadBalancerAttributes = {
      name,
      type,
      scheme,
      ipAddressType: String(input.IpAddressType ?? 'ipv4'),
      vpcId,
      dnsName: dnsName(ctx, { name, type, scheme }, id),
      canonicalHostedZoneId: canonicalHostedZoneId(ctx.region, type),
      zones,
      securityGroups,
      settings: loadBalancerDefaults(type),
      activeAt: ctx.now.getTime() + PROVISIONING_MS,
    }
    const record = await insertOrExisting(ctx, {
      key: {
        accountId: accountOf(ctx),
        region: ctx.region,
        service: ELB_SERVICE_NAME,
        type: RESOURCE_TYPE.loadBalancer,
        id: name,
      },
      arn: arnOf(ctx, input),
      attributes,
      tags,
      sameSettings,
      duplicateName: () => duplicateLoadBalancerName(name),
    })
    return { LoadBalancers: [toLoadBalancerShape(ctx, record)] }
  },
}
