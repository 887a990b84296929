import { AwsError } from '../../kernel/aws-error.js'
import type { RandomBytes } from '../../kernel/ids.js'
import { invalidParameterValue } from './errors.js'
import { newResourceId } from './resource-ids.js'

/** One rule of a security group, as DescribeSecurityGroupRules writes it (without its group and owner). */
export interface SecurityGroupRule {
  readonly SecurityGroupRuleId: string
  readonly IsEgress: boolean
  readonly IpProtocol: string
  readonly FromPort: number
  readonly ToPort: number
  readonly CidrIpv4?: string
  readonly CidrIpv6?: string
  readonly PrefixListId?: string
  readonly ReferencedGroupInfo?: { readonly GroupId: string; readonly UserId: string }
  readonly Description?: string
}

/** One `IpPermissions.N` entry as the wire carries it. */
export interface IpPermission {
  readonly IpProtocol?: string
  readonly FromPort?: number
  readonly ToPort?: number
  readonly IpRanges?: readonly { CidrIp?: string; Description?: string }[]
  readonly Ipv6Ranges?: readonly { CidrIpv6?: string; Description?: string }[]
  readonly PrefixListIds?: readonly { PrefixListId?: string; Description?: string }[]
  readonly UserIdGroupPairs?: readonly { GroupId?: string; UserId?: string; Description?: string }[]
}

/** AWS accepts protocol names and numbers; the well-known numbers are written by name. */
const PROTOCOLS: Readonly<Record<string, string>> = {
  tcp: 'tcp',
  '6': 'tcp',
  udp: 'udp',
  '17': 'udp',
  icmp: 'icmp',
  '1': 'icmp',
  icmpv6: 'icmpv6',
  '58': 'icmpv6',
  '-1': '-1',
  all: '-1',
}

/** The protocol as EC2 stores it; InvalidParameterValue for one it does not know. */
export function normalizeProtocol(protocol: string | undefined): string {
  const text = (protocol ?? '').toLowerCase()
  const known = PROTOCOLS[text]
  if (known !== undefined) return known
  if (/^\d+$/.test(text) && Number(text) <= 255) return text
  throw invalidParameterValue(`Invalid value '${protocol ?? ''}' for IP protocol. Unknown protocol.`)
}

/** The port range of a permission: -1/-1 for all traffic; both ports required for TCP and UDP. */
function portRange(protocol: string, permission: IpPermission): { from: number; to: number } {
  if (protocol === '-1') return { from: -1, to: -1 }
  const from = permission.FromPort
  const to = permission.ToPort
  if (protocol === 'tcp' || protocol === 'udp') {
    if (from === undefined || to === undefined)
      throw invalidParameterValue(
        "Invalid value 'Must specify both from and to ports with TCP/UDP.' for portRange.",
      )
    if (from < 0 || to > 65535 || from > to)
      throw invalidParameterValue(`Invalid value 'Invalid TCP/UDP port range ${from}-${to}.' for portRange.`)
  }
  return { from: from ?? -1, to: to ?? -1 }
}

/** The rules a list of permissions describes, one per address range, prefix list or group, with new ids. */
export function rulesOf(
  permissions: readonly IpPermission[],
  isEgress: boolean,
  account: string,
  random: RandomBytes,
): SecurityGroupRule[] {
  const rules: SecurityGroupRule[] = []
  for (const permission of permissions) {
    const protocol = normalizeProtocol(permission.IpProtocol)
    const { from, to } = portRange(protocol, permission)
    const base = { IsEgress: isEgress, IpProtocol: protocol, FromPort: from, ToPort: to }
    const add = (target: Partial<SecurityGroupRule>, description: string | undefined) =>
      rules.push({
        SecurityGroupRuleId: newResourceId('sgr', random),
        ...base,
        ...target,
        ...(description === undefined ? {} : { Description: description }),
      })
    for (const r of permission.IpRanges ?? []) add({ CidrIpv4: r.CidrIp ?? '' }, r.Description)
    for (const r of permission.Ipv6Ranges ?? []) add({ CidrIpv6: r.CidrIpv6 ?? '' }, r.Description)
    for (const r of permission.PrefixListIds ?? []) add({ PrefixListId: r.PrefixListId ?? '' }, r.Description)
    for (const r of permission.UserIdGroupPairs ?? [])
      add({ ReferencedGroupInfo: { GroupId: r.GroupId ?? '', UserId: r.UserId ?? account } }, r.Description)
  }
  return rules
}

/** Whether two rules allow the same traffic (descriptions and ids aside). */
export function sameRule(a: SecurityGroupRule, b: SecurityGroupRule): boolean {
  return (
    a.IsEgress === b.IsEgress &&
    a.IpProtocol === b.IpProtocol &&
    a.FromPort === b.FromPort &&
    a.ToPort === b.ToPort &&
    a.CidrIpv4 === b.CidrIpv4 &&
    a.CidrIpv6 === b.CidrIpv6 &&
    a.PrefixListId === b.PrefixListId &&
    a.ReferencedGroupInfo?.GroupId === b.ReferencedGroupInfo?.GroupId
  )
}

/** AWS: `the specified rule "peer: 0.0.0.0/0, TCP, from port: 22, to port: 22, ALLOW" already exists`. */
export function duplicateRule(rule: SecurityGroupRule): AwsError {
  const peer = rule.CidrIpv4 ?? rule.CidrIpv6 ?? rule.PrefixListId ?? rule.ReferencedGroupInfo?.GroupId ?? ''
  const traffic =
    rule.IpProtocol === '-1'
      ? 'ALL'
      : `${rule.IpProtocol.toUpperCase()}, from port: ${rule.FromPort}, to port: ${rule.ToPort}`
  return new AwsError(
    'InvalidPermission.Duplicate',
    400,
    `the specified rule "peer: ${peer}, ${traffic}, ALLOW" already exists`,
  )
}

/** AWS: revoking a rule the group does not have. */
export const ruleNotFound = (): AwsError =>
  new AwsError('InvalidPermission.NotFound', 400, 'The specified rule does not exist in this security group.')

/** The rules grouped back into IpPermissions, as DescribeSecurityGroups writes them. */
export function permissionsOf(rules: readonly SecurityGroupRule[]): Record<string, unknown>[] {
  const groups = new Map<string, { permission: Record<string, unknown>; lists: Record<string, unknown[]> }>()
  for (const rule of rules) {
    const key = `${rule.IpProtocol}/${rule.FromPort}/${rule.ToPort}`
    let entry = groups.get(key)
    if (entry === undefined) {
      const lists = { IpRanges: [], Ipv6Ranges: [], PrefixListIds: [], UserIdGroupPairs: [] }
      const ports = rule.IpProtocol === '-1' ? {} : { FromPort: rule.FromPort, ToPort: rule.ToPort }
      entry = { permission: { IpProtocol: rule.IpProtocol, ...ports, ...lists }, lists }
      groups.set(key, entry)
    }
    const description = rule.Description === undefined ? {} : { Description: rule.Description }
    if (rule.CidrIpv4 !== undefined) entry.lists.IpRanges!.push({ CidrIp: rule.CidrIpv4, ...description })
    if (rule.CidrIpv6 !== undefined) entry.lists.Ipv6Ranges!.push({ CidrIpv6: rule.CidrIpv6, ...description })
    if (rule.PrefixListId !== undefined)
      entry.lists.PrefixListIds!.push({ PrefixListId: rule.PrefixListId, ...description })
    if (rule.ReferencedGroupInfo !== undefined)
      entry.lists.UserIdGroupPairs!.push(Object.assign({}, rule.ReferencedGroupInfo, description))
  }
  return [...groups.values()].map((g) => g.permission)
}
