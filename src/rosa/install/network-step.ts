import {
  AllocateAddressCommand,
  AssociateRouteTableCommand,
  AttachInternetGatewayCommand,
  CreateInternetGatewayCommand,
  CreateNatGatewayCommand,
  CreateRouteCommand,
  CreateRouteTableCommand,
  CreateSubnetCommand,
  CreateVpcCommand,
  DescribeAddressesCommand,
  DescribeAvailabilityZonesCommand,
  DescribeInternetGatewaysCommand,
  DescribeNatGatewaysCommand,
  DescribeRouteTablesCommand,
  DescribeSubnetsCommand,
  DescribeVpcsCommand,
  ModifyVpcAttributeCommand,
  type RouteTable,
} from '@aws-sdk/client-ec2'
import { clusterTags, type InstallContext, type InstallStep, ownedFilters } from './install-context.js'

const VPC_CIDR = '10.0.0.0/16'

/** The VPC, a private and a public subnet per availability zone, the internet and NAT gateways, the route tables. */
export const networkStep: InstallStep = {
  name: 'network',
  async run(ctx) {
    const ec2 = ctx.clients.ec2
    const infra = ctx.cluster.infra_id
    const azs = await ec2.send(new DescribeAvailabilityZonesCommand({}))
    const all = (azs.AvailabilityZones ?? []).map((z) => z.ZoneName!).sort()
    const zones = all.slice(0, ctx.cluster.multi_az ? 3 : 1)
    ctx.state.zones = zones
    const vpcId = await ensureVpc(ctx, `${infra}-vpc`)
    ctx.state.vpcId = vpcId
    ctx.state.vpcCidr = VPC_CIDR
    const privateSubnets: string[] = []
    const publicSubnets: string[] = []
    for (const [i, zone] of zones.entries()) {
      privateSubnets.push(await ensureSubnet(ctx, `${infra}-private-${zone}`, zone, `10.0.${i * 32}.0/19`))
      publicSubnets.push(
        await ensureSubnet(ctx, `${infra}-public-${zone}`, zone, `10.0.${128 + i * 32}.0/20`),
      )
    }
    ctx.state.privateSubnets = privateSubnets
    ctx.state.publicSubnets = publicSubnets
    const igw = await ensureInternetGateway(ctx, `${infra}-igw`, vpcId)
    const publicTable = await ensureRouteTable(ctx, `${infra}-public`, vpcId)
    await ensureDefaultRoute(ctx, publicTable, { GatewayId: igw })
    for (const subnet of publicSubnets) await ensureAssociation(ctx, publicTable, subnet)
    for (const [i, zone] of zones.entries()) {
      const nat = await ensureNatGateway(ctx, `${infra}-nat-${zone}`, publicSubnets[i]!)
      const table = await ensureRouteTable(ctx, `${infra}-private-${zone}`, vpcId)
      await ensureDefaultRoute(ctx, table, { NatGatewayId: nat })
      await ensureAssociation(ctx, table, privateSubnets[i]!)
    }
  },
}

async function ensureVpc(ctx: InstallContext, name: string): Promise<string> {
  const ec2 = ctx.clients.ec2
  const found = await ec2.send(new DescribeVpcsCommand({ Filters: ownedFilters(ctx, name) }))
  const existing = found.Vpcs?.[0]?.VpcId
  if (existing !== undefined) return existing
  const made = await ec2.send(
    new CreateVpcCommand({
      CidrBlock: VPC_CIDR,
      TagSpecifications: [{ ResourceType: 'vpc', Tags: clusterTags(ctx, name) }],
    }),
  )
  const vpcId = made.Vpc!.VpcId!
  await ec2.send(new ModifyVpcAttributeCommand({ VpcId: vpcId, EnableDnsSupport: { Value: true } }))
  await ec2.send(new ModifyVpcAttributeCommand({ VpcId: vpcId, EnableDnsHostnames: { Value: true } }))
  await ctx.log(`created VPC ${vpcId} (${VPC_CIDR})`)
  return vpcId
}

async function ensureSubnet(ctx: InstallContext, name: string, zone: string, cidr: string): Promise<string> {
  const ec2 = ctx.clients.ec2
  const found = await ec2.send(new DescribeSubnetsCommand({ Filters: ownedFilters(ctx, name) }))
  const existing = found.Subnets?.[0]?.SubnetId
  if (existing !== undefined) return existing
  const made = await ec2.send(
    new CreateSubnetCommand({
      VpcId: ctx.state.vpcId!,
      CidrBlock: cidr,
      AvailabilityZone: zone,
      TagSpecifications: [{ ResourceType: 'subnet', Tags: clusterTags(ctx, name) }],
    }),
  )
  await ctx.log(`created subnet ${made.Subnet!.SubnetId} ${name} (${cidr})`)
  return made.Subnet!.SubnetId!
}

async function ensureInternetGateway(ctx: InstallContext, name: string, vpcId: string): Promise<string> {
  const ec2 = ctx.clients.ec2
  const found = await ec2.send(new DescribeInternetGatewaysCommand({ Filters: ownedFilters(ctx, name) }))
  let gateway = found.InternetGateways?.[0]
  if (gateway === undefined) {
    const made = await ec2.send(
      new CreateInternetGatewayCommand({
        TagSpecifications: [{ ResourceType: 'internet-gateway', Tags: clusterTags(ctx, name) }],
      }),
    )
    gateway = made.InternetGateway!
    await ctx.log(`created internet gateway ${gateway.InternetGatewayId}`)
  }
  const id = gateway.InternetGatewayId!
  if (!(gateway.Attachments ?? []).some((a) => a.VpcId === vpcId))
    await ec2.send(new AttachInternetGatewayCommand({ InternetGatewayId: id, VpcId: vpcId }))
  return id
}

async function ensureNatGateway(ctx: InstallContext, name: string, subnetId: string): Promise<string> {
  const ec2 = ctx.clients.ec2
  const found = await ec2.send(new DescribeNatGatewaysCommand({ Filter: ownedFilters(ctx, name) }))
  const live = (found.NatGateways ?? []).find((n) => n.State !== 'deleted' && n.State !== 'deleting')
  if (live?.NatGatewayId !== undefined) return live.NatGatewayId
  const eipName = `${name}-eip`
  const addresses = await ec2.send(new DescribeAddressesCommand({ Filters: ownedFilters(ctx, eipName) }))
  const allocationId =
    addresses.Addresses?.[0]?.AllocationId ??
    (
      await ec2.send(
        new AllocateAddressCommand({
          Domain: 'vpc',
          TagSpecifications: [{ ResourceType: 'elastic-ip', Tags: clusterTags(ctx, eipName) }],
        }),
      )
    ).AllocationId!
  const made = await ec2.send(
    new CreateNatGatewayCommand({
      SubnetId: subnetId,
      AllocationId: allocationId,
      ClientToken: name,
      TagSpecifications: [{ ResourceType: 'natgateway', Tags: clusterTags(ctx, name) }],
    }),
  )
  await ctx.log(`created NAT gateway ${made.NatGateway!.NatGatewayId} in ${subnetId}`)
  return made.NatGateway!.NatGatewayId!
}

async function ensureRouteTable(ctx: InstallContext, name: string, vpcId: string): Promise<RouteTable> {
  const ec2 = ctx.clients.ec2
  const found = await ec2.send(new DescribeRouteTablesCommand({ Filters: ownedFilters(ctx, name) }))
  const existing = found.RouteTables?.[0]
  if (existing !== undefined) return existing
  const made = await ec2.send(
    new CreateRouteTableCommand({
      VpcId: vpcId,
      TagSpecifications: [{ ResourceType: 'route-table', Tags: clusterTags(ctx, name) }],
    }),
  )
  await ctx.log(`created route table ${made.RouteTable!.RouteTableId} ${name}`)
  return made.RouteTable!
}

async function ensureDefaultRoute(
  ctx: InstallContext,
  table: RouteTable,
  target: { GatewayId?: string; NatGatewayId?: string },
): Promise<void> {
  if ((table.Routes ?? []).some((r) => r.DestinationCidrBlock === '0.0.0.0/0')) return
  await ctx.clients.ec2.send(
    new CreateRouteCommand({
      RouteTableId: table.RouteTableId!,
      DestinationCidrBlock: '0.0.0.0/0',
      ...target,
    }),
  )
}

async function ensureAssociation(ctx: InstallContext, table: RouteTable, subnetId: string): Promise<void> {
  if ((table.Associations ?? []).some((a) => a.SubnetId === subnetId)) return
  await ctx.clients.ec2.send(
    new AssociateRouteTableCommand({ RouteTableId: table.RouteTableId!, SubnetId: subnetId }),
  )
}
