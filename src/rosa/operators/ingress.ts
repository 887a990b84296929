import { DescribeLoadBalancersCommand } from '@aws-sdk/client-elastic-load-balancing'
import {
  ChangeResourceRecordSetsCommand,
  type HostedZone,
  ListHostedZonesCommand,
  ListTagsForResourcesCommand,
} from '@aws-sdk/client-route-53'
import { type ClusterOperator, clusterDomainOf, infraTag, type OperatorContext } from './operator.js'

const zoneId = (zone: HostedZone): string => zone.Id!.replace('/hostedzone/', '')

/** The cluster's hosted zones: every zone tagged with its infra-id tag (ListHostedZones, ListTagsForResources). */
async function clusterZones(ctx: OperatorContext): Promise<HostedZone[]> {
  const { route53 } = ctx.clients
  const zones: HostedZone[] = []
  let Marker: string | undefined
  do {
    const page = await route53.send(new ListHostedZonesCommand({ ...(Marker ? { Marker } : {}) }))
    zones.push(...(page.HostedZones ?? []))
    Marker = page.IsTruncated ? page.NextMarker : undefined
  } while (Marker)
  const tag = infraTag(ctx.cluster)
  const owned: HostedZone[] = []
  // AWS: ListTagsForResources takes at most 10 resource ids.
  for (let i = 0; i < zones.length; i += 10) {
    const batch = zones.slice(i, i + 10)
    const tags = await route53.send(
      new ListTagsForResourcesCommand({ ResourceType: 'hostedzone', ResourceIds: batch.map(zoneId) }),
    )
    for (const set of tags.ResourceTagSets ?? [])
      if (set.Tags?.some((t) => t.Key === tag.Key && t.Value === tag.Value))
        owned.push(batch.find((z) => zoneId(z) === set.ResourceId)!)
  }
  return owned
}

/**
 * The ingress operator (`openshift-ingress-operator/cloud-credentials`): publishes `*.apps.<cluster domain>` as an
 * alias of the router's load balancer (the ingress classic ELB the installer made) in the cluster's zones.
 */
export const ingressOperator: ClusterOperator = {
  name: 'ingress',
  namespace: 'openshift-ingress-operator',
  secretName: 'cloud-credentials',
  serviceAccount: 'ingress-operator',
  async reconcile(ctx) {
    const router = `${ctx.cluster.infra_id}-ing`
    const lbs = await ctx.clients.elb.send(new DescribeLoadBalancersCommand({ LoadBalancerNames: [router] }))
    const lb = lbs.LoadBalancerDescriptions?.[0]
    if (lb?.DNSName === undefined) throw new Error(`the router load balancer ${router} has no DNS name`)
    const zones = await clusterZones(ctx)
    if (zones.length === 0) throw new Error(`no hosted zone is tagged for ${ctx.cluster.infra_id}`)
    const name = `*.apps.${clusterDomainOf(ctx.cluster)}`
    for (const zone of zones)
      await ctx.clients.route53.send(
        new ChangeResourceRecordSetsCommand({
          HostedZoneId: zoneId(zone),
          ChangeBatch: {
            Comment: 'default ingress controller',
            Changes: [
              {
                Action: 'UPSERT',
                ResourceRecordSet: {
                  Name: name,
                  Type: 'A',
                  AliasTarget: {
                    DNSName: lb.DNSName,
                    HostedZoneId: lb.CanonicalHostedZoneNameID!,
                    EvaluateTargetHealth: false,
                  },
                },
              },
            ],
          },
        }),
      )
    return `${name} -> ${lb.DNSName} in ${zones.length} zone(s)`
  },
}
