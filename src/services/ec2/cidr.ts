/** An IPv4 CIDR block: its network address as a 32-bit number and its prefix length. */
export interface Cidr {
  readonly network: number
  readonly prefix: number
}

const OCTET = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/

/** Parses `a.b.c.d/n`; undefined when it is not a CIDR block or has host bits set. */
export function parseCidr(text: string): Cidr | undefined {
  const match = /^([\d.]+)\/(\d{1,2})$/.exec(text)
  if (match === null) return undefined
  const parts = match[1]!.split('.')
  const prefix = Number(match[2])
  if (parts.length !== 4 || !parts.every((p) => OCTET.test(p)) || prefix > 32) return undefined
  const network = parts.reduce((n, p) => n * 256 + Number(p), 0)
  if (network % blockSize(prefix) !== 0) return undefined
  return { network, prefix }
}

/** How many addresses a block of this prefix length holds. */
export function blockSize(prefix: number): number {
  return 2 ** (32 - prefix)
}

/** Whether `inner` lies wholly inside `outer`. */
export function cidrContains(outer: Cidr, inner: Cidr): boolean {
  return (
    inner.prefix >= outer.prefix &&
    inner.network >= outer.network &&
    inner.network + blockSize(inner.prefix) <= outer.network + blockSize(outer.prefix)
  )
}

/** Whether two blocks share an address. */
export function cidrOverlaps(a: Cidr, b: Cidr): boolean {
  return a.network < b.network + blockSize(b.prefix) && b.network < a.network + blockSize(a.prefix)
}

/** The dotted form of an address. */
export function formatAddress(address: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(address / 2 ** shift) % 256).join('.')
}

/** AWS: a VPC or subnet block is /16 to /28. */
export const MIN_PREFIX = 16
export const MAX_PREFIX = 28

/** AWS reserves five addresses of every subnet (network, router, DNS, future use, broadcast). */
export const RESERVED_PER_SUBNET = 5
