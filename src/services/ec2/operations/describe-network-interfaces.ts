import type { Operation } from '../../operation.js'
import { onAnyResource } from '../authz.js'
import { notFound } from '../errors.js'
import { checkFilters, type Ec2Filter, type FilterTable, matchesFilters } from '../filters.js'
import { networkInterfaces } from '../network-interfaces.js'
import { paginate } from '../pagination.js'
import { checkId } from '../resource-store.js'

const FILTERS: FilterTable = {
  'network-interface-id': 'NetworkInterfaceId',
  'subnet-id': 'SubnetId',
  'vpc-id': 'VpcId',
  'availability-zone': 'AvailabilityZone',
  description: 'Description',
  'group-id': 'Groups.GroupId',
  'group-name': 'Groups.GroupName',
  'interface-type': 'InterfaceType',
  'mac-address': 'MacAddress',
  'owner-id': 'OwnerId',
  'private-ip-address': 'PrivateIpAddress',
  'addresses.private-ip-address': 'PrivateIpAddresses.PrivateIpAddress',
  'private-dns-name': 'PrivateDnsName',
  'requester-managed': 'RequesterManaged',
  'source-dest-check': 'SourceDestCheck',
  status: 'Status',
  'attachment.instance-id': 'Attachment.InstanceId',
  'attachment.attachment-id': 'Attachment.AttachmentId',
  'attachment.status': 'Attachment.Status',
  'attachment.device-index': 'Attachment.DeviceIndex',
}

/** EC2 DescribeNetworkInterfaces: the interfaces of instances and NAT gateways, by id, filter and page. */
export const describeNetworkInterfaces: Operation = {
  readOnly: true,
  async authorize(ctx) {
    return [onAnyResource(ctx, 'ec2:DescribeNetworkInterfaces')]
  },
  async run(ctx, input) {
    const filters = (input.Filters ?? []) as Ec2Filter[]
    checkFilters(filters, FILTERS)
    const ids = (input.NetworkInterfaceIds ?? []) as string[]
    for (const id of ids) checkId('network-interface', id)
    const all = await networkInterfaces(ctx)
    const missing = ids.filter((id) => !all.some((i) => i.id === id))
    if (missing.length > 0) throw notFound('network-interface', missing)
    const items = all
      .filter((i) => ids.length === 0 || ids.includes(i.id))
      .filter((i) => matchesFilters(i.wire, filters, FILTERS))
    const page = paginate(items, (i) => i.id, input)
    return {
      NetworkInterfaces: page.items.map((i) => i.wire),
      ...(page.nextToken ? { NextToken: page.nextToken } : {}),
    }
  },
}
