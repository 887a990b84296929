import {
  ChangeResourceRecordSetsCommand,
  ChangeTagsForResourceCommand,
  CreateHostedZoneCommand,
  ListHostedZonesByNameCommand,
} from '@aws-sdk/client-route-53'
import { clusterTags, type InstallContext, type InstallStep } from './install-context.js'

/** The cluster domain of a cluster document (`<name>.<base domain>`). */
export const clusterDomain = (ctx: InstallContext): string =>
  `${ctx.cluster.name}.${ctx.cluster.dns.base_domain}`

/** The private hosted zone of the cluster domain, attached to the cluster's VPC. */
export const hostedZoneStep: InstallStep = {
  name: 'private hosted zone',
  async run(ctx) {
    const route53 = ctx.clients.route53
    const domain = clusterDomain(ctx)
    const listed = await route53.send(new ListHostedZonesByNameCommand({ DNSName: domain, MaxItems: 100 }))
    const zone = (listed.HostedZones ?? []).find(
      (z) => z.Name === `${domain}.` && z.CallerReference === `${ctx.cluster.infra_id}-private`,
    )
    if (zone !== undefined) {
      ctx.state.hostedZoneId = zone.Id!.replace('/hostedzone/', '')
      return
    }
    const made = await route53.send(
      new CreateHostedZoneCommand({
        Name: domain,
        CallerReference: `${ctx.cluster.infra_id}-private`,
        VPC: { VPCRegion: ctx.region as never, VPCId: ctx.state.vpcId! },
        HostedZoneConfig: { PrivateZone: true, Comment: `${ctx.cluster.name} private zone` },
      }),
    )
    const id = made.HostedZone!.Id!.replace('/hostedzone/', '')
    await route53.send(
      new ChangeTagsForResourceCommand({
        ResourceType: 'hostedzone',
        ResourceId: id,
        AddTags: clusterTags(ctx, `${ctx.cluster.infra_id}-int`),
      }),
    )
    ctx.state.hostedZoneId = id
    await ctx.log(`created private hosted zone ${id} for ${domain}`)
  },
}

/** `api` and `api-int` alias records to the API load balancer (UPSERT: the same answer on every run). */
export const apiRecordsStep: InstallStep = {
  name: 'api records',
  async run(ctx) {
    const domain = clusterDomain(ctx)
    const lb = ctx.state.apiLoadBalancer!
    await ctx.clients.route53.send(
      new ChangeResourceRecordSetsCommand({
        HostedZoneId: ctx.state.hostedZoneId!,
        ChangeBatch: {
          Changes: ['api', 'api-int'].map((label) => ({
            Action: 'UPSERT',
            ResourceRecordSet: {
              Name: `${label}.${domain}`,
              Type: 'A',
              AliasTarget: { DNSName: lb.dnsName, HostedZoneId: lb.zoneId, EvaluateTargetHealth: false },
            },
          })),
        },
      }),
    )
    await ctx.log(`api.${domain} and api-int.${domain} point at ${lb.dnsName}`)
  },
}
