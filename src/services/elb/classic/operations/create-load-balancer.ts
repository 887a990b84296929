import type { Operation, OperationContext } from '../../../operation.js'
import { classicArn } from '../../arns.js'
import { elbAuthorization, requestTagContext, tagOnCreate } from '../../authz.js'
import { duplicateClassicName, validationError } from '../../errors.js'
import { canonicalHostedZoneId } from '../../hosted-zones.js'
import { insertOrExisting } from '../../insert-or-existing.js'
import { checkTagCount, inputTags } from '../../tags.js'
import { inputListeners, mergeListeners } from '../listeners.js'
import { classicKey } from '../loader.js'
import { classicSecurityGroups, classicSubnets } from '../placement.js'
import type { ClassicAttributes, ClassicSettings } from '../records.js'

const strings = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : [])

/** AWS: a new classic load balancer's attributes. */
const DEFAULT_SETTINGS: ClassicSettings = {
  CrossZoneLoadBalancing: { Enabled: false },
  AccessLog: { Enabled: false },
  ConnectionDraining: { Enabled: false, Timeout: 300 },
  ConnectionSettings: { IdleTimeout: 60 },
  AdditionalAttributes: [{ Key: 'elb.http.desyncmitigationmode', Value: 'defensive' }],
}

/** AWS: `<name>-<digits>.<region>.elb.amazonaws.com`, with `internal-` in front when internal. */
function dnsName(ctx: OperationContext, name: string, internal: boolean): string {
  const digits = String(Buffer.from(ctx.random(4)).readUInt32BE(0))
  return `${internal ? 'internal-' : ''}${name}-${digits}.${ctx.region}.elb.amazonaws.com`
}

function checkName(name: string): void {
  if (!/^[a-zA-Z0-9-]{1,32}$/.test(name) || name.startsWith('-') || name.endsWith('-'))
    throw validationError(
      `LoadBalancerName '${name}' must have at most 32 characters: letters, digits and hyphens, and must not begin or end with a hyphen`,
    )
}

const sameSettings = (a: ClassicAttributes, b: ClassicAttributes): boolean =>
  a.scheme === b.scheme &&
  JSON.stringify(a.listeners) === JSON.stringify(b.listeners) &&
  a.subnets.join() === b.subnets.join() &&
  a.availabilityZones.join() === b.availabilityZones.join()

/** ELB CreateLoadBalancer: a classic load balancer in subnets (or zones) with listeners; the same call again answers its DNS name. */
export const createLoadBalancer: Operation = {
  async authorize(ctx, input) {
    const arn = classicArn(ctx, String(input.LoadBalancerName))
    const tags = inputTags(input)
    const context = {
      'elasticloadbalancing:Scheme': String(input.Scheme ?? 'internet-facing'),
      'elasticloadbalancing:Subnet': strings(input.Subnets),
      'elasticloadbalancing:SecurityGroup': strings(input.SecurityGroups),
      'elasticloadbalancing:ListenerProtocol': inputListeners(input).map((l) => l.Protocol),
      ...requestTagContext(tags),
    }
    return [
      elbAuthorization('CreateLoadBalancer', arn, context),
      ...tagOnCreate('CreateLoadBalancer', arn, tags),
    ]
  },
  async run(ctx, input) {
    const name = String(input.LoadBalancerName)
    checkName(name)
    const tags = inputTags(input)
    checkTagCount(tags)
    const listeners = mergeListeners(name, [], inputListeners(input))
    const subnetIds = strings(input.Subnets)
    const zonesAsked = strings(input.AvailabilityZones)
    if (subnetIds.length === 0 && zonesAsked.length === 0)
      throw validationError('Either AvailabilityZones or SubnetIds must be specified')
    const internal = input.Scheme === 'internal'
    const placed = subnetIds.length > 0 ? await classicSubnets(ctx, subnetIds) : undefined
    const { groups, sourceGroupName } =
      placed === undefined
        ? { groups: [] as string[], sourceGroupName: undefined }
        : await classicSecurityGroups(ctx, strings(input.SecurityGroups), placed.vpcId)
    const attributes: ClassicAttributes = {
      name,
      scheme: internal ? 'internal' : 'internet-facing',
      dnsName: dnsName(ctx, name, internal),
      canonicalHostedZoneNameId: canonicalHostedZoneId(ctx.region, 'classic'),
      listeners,
      availabilityZones: placed?.zones ?? zonesAsked,
      subnets: subnetIds,
      ...(placed === undefined ? {} : { vpcId: placed.vpcId }),
      securityGroups: groups,
      ...(sourceGroupName === undefined ? {} : { sourceGroupName }),
      instances: [],
      healthCheck: {
        Target: `TCP:${listeners[0]!.InstancePort}`,
        Interval: 30,
        Timeout: 5,
        UnhealthyThreshold: 2,
        HealthyThreshold: 10,
      },
      settings: DEFAULT_SETTINGS,
    }
    const record = await insertOrExisting(ctx, {
      key: classicKey(ctx, name),
      arn: classicArn(ctx, name),
      attributes,
      tags,
      sameSettings,
      duplicateName: () => duplicateClassicName(name),
    })
    return { DNSName: record.attributes.dnsName }
  },
}
