import { AwsError } from '../../kernel/aws-error.js'
import type { AuthorizationRequest, OperationContext } from '../operation.js'
import { onResource } from './authz.js'
import { blockSize, formatAddress, parseCidr } from './cidr.js'
import { invalidParameterValue, notFound } from './errors.js'
import { type DerivedInterface, networkInterfaces } from './network-interfaces.js'
import { type Ec2Context, findResource } from './resource-store.js'

/** The instance interface a request names; NotFound for an unknown one, refused for a NAT gateway's. */
export async function instanceInterface(
  ctx: Ec2Context,
  id: unknown,
): Promise<{ found: DerivedInterface; all: DerivedInterface[] }> {
  const all = await networkInterfaces(ctx)
  const found = all.find((i) => i.id === id)
  if (found === undefined) throw notFound('network-interface', [String(id)])
  if (found.kind !== 'instance')
    throw new AwsError(
      'InvalidParameterValue',
      400,
      `You cannot modify the addresses of interface ${found.id}: it is managed by AWS.`,
    )
  return { found, all }
}

/** The authorization on an interface: its ARN, with `ec2:Vpc` and `ec2:Subnet`. */
export async function onInterface(
  ctx: OperationContext,
  action: string,
  id: unknown,
): Promise<AuthorizationRequest> {
  const text = String(id ?? '')
  const found = (await networkInterfaces(ctx)).find((i) => i.id === text)
  const subnet = found === undefined ? undefined : await findResource(ctx, 'subnet', found.subnetId)
  const context: Record<string, string> =
    subnet === undefined
      ? {}
      : {
          'ec2:Subnet': subnet.arn,
          'ec2:Vpc': subnet.arn.replace(/subnet\/.*$/, `vpc/${String(subnet.attributes.VpcId)}`),
        }
  return onResource(ctx, action, 'network-interface', text, undefined, context)
}

/** AWS: an address outside the interface's subnet. */
export const outsideSubnet = (ip: string): AwsError =>
  invalidParameterValue(`Address ${ip} does not fall within the subnet's address range`)

/** AWS: an address another interface holds, without AllowReassignment. */
export const addressTaken = (owner: string): AwsError =>
  new AwsError(
    'PrivateIpAddressInUse',
    400,
    `Some of the specified addresses are already assigned to ENI ${owner}`,
  )

/** Free addresses of a subnet (skipping AWS's four reserved at the start and the broadcast address). */
export function freeAddresses(cidrBlock: string, used: ReadonlySet<string>, count: number): string[] {
  const cidr = parseCidr(cidrBlock)!
  const out: string[] = []
  for (let offset = 4; offset < blockSize(cidr.prefix) - 1 && out.length < count; offset++) {
    const ip = formatAddress(cidr.network + offset)
    if (!used.has(ip)) out.push(ip)
  }
  if (out.length < count)
    throw new AwsError(
      'InsufficientFreeAddressesInSubnet',
      400,
      'There are not enough free addresses in subnet to satisfy the requested number of IPs.',
    )
  return out
}

/** Whether `ip` lies in `cidrBlock`. */
export function inBlock(cidrBlock: string, ip: string): boolean {
  const block = parseCidr(cidrBlock)
  const address = parseCidr(`${ip}/32`)
  return (
    block !== undefined &&
    address !== undefined &&
    address.network >= block.network &&
    address.network < block.network + blockSize(block.prefix)
  )
}
