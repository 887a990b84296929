/** An IPv4 address (one 32-bit word) or IPv6 address (four words). */
export interface IpAddress {
  readonly v6: boolean
  readonly words: readonly number[]
}

/** An address block: an address and the number of leading bits that must match. */
export interface IpBlock extends IpAddress {
  readonly bits: number
}

const HEX_GROUP = /^[0-9A-Fa-f]{1,4}$/

/** Parses dotted-quad IPv4 (four decimal octets of one to three digits) into one unsigned 32-bit word. */
function parseV4(text: string): number | undefined {
  let word = 0
  let octet = 0
  let digits = 0
  let dots = 0
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code >= 48 && code <= 57) {
      octet = octet * 10 + (code - 48)
      if (++digits > 3 || octet > 255) return undefined
    } else if (code === 46 && digits > 0 && dots < 3) {
      word = word * 256 + octet
      octet = 0
      digits = 0
      dots++
    } else return undefined
  }
  if (dots !== 3 || digits === 0) return undefined
  return word * 256 + octet
}

/** Parses 16-bit groups (the last may be an embedded IPv4 address); `undefined` on any error. */
function parseGroups(text: string, allowV4Tail: boolean): number[] | undefined {
  if (text === '') return []
  const groups: number[] = []
  const parts = text.split(':')
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!
    if (allowV4Tail && i === parts.length - 1 && part.includes('.')) {
      const v4 = parseV4(part)
      if (v4 === undefined) return undefined
      groups.push(Math.floor(v4 / 65536), v4 % 65536)
    } else if (HEX_GROUP.test(part)) groups.push(Number.parseInt(part, 16))
    else return undefined
  }
  return groups
}

/** Parses IPv6 text (with at most one `::`) into four 32-bit words. */
function parseV6(text: string): number[] | undefined {
  const halves = text.split('::')
  if (halves.length > 2) return undefined
  const head = parseGroups(halves[0]!, halves.length === 1)
  const tail = halves.length === 2 ? parseGroups(halves[1]!, true) : []
  if (head === undefined || tail === undefined) return undefined
  const missing = 8 - head.length - tail.length
  if (halves.length === 2 ? missing < 1 : missing !== 0) return undefined
  const groups = [...head, ...new Array<number>(missing).fill(0), ...tail]
  const words: number[] = []
  for (let i = 0; i < 8; i += 2) words.push(groups[i]! * 65536 + groups[i + 1]!)
  return words
}

/** Parses an IPv4 or IPv6 address; `undefined` for anything else (including a CIDR). */
export function parseIpAddress(text: string): IpAddress | undefined {
  const v4 = parseV4(text)
  if (v4 !== undefined) return { v6: false, words: [v4] }
  const v6 = text.includes(':') ? parseV6(text) : undefined
  return v6 === undefined ? undefined : { v6: true, words: v6 }
}

/** Parses a CIDR block; no prefix means /32 (IPv4) or /128 (IPv6). */
export function parseIpBlock(text: string): IpBlock | undefined {
  const slash = text.indexOf('/')
  const address = parseIpAddress(slash < 0 ? text : text.slice(0, slash))
  if (address === undefined) return undefined
  const max = address.v6 ? 128 : 32
  if (slash < 0) return { v6: address.v6, words: address.words, bits: max }
  const prefix = text.slice(slash + 1)
  if (!/^\d{1,3}$/.test(prefix) || Number(prefix) > max) return undefined
  return { v6: address.v6, words: address.words, bits: Number(prefix) }
}

/** Whether `address` lies in `block`; an IPv4 block never contains an IPv6 address and vice versa. */
export function blockContains(block: IpBlock, address: IpAddress): boolean {
  if (block.v6 !== address.v6) return false
  for (let i = 0; i < block.words.length; i++) {
    const bits = Math.min(32, Math.max(0, block.bits - 32 * i))
    if (bits === 0) return true
    const mask = bits === 32 ? 0xffffffff : (0xffffffff << (32 - bits)) >>> 0
    if (((block.words[i]! ^ address.words[i]!) & mask) >>> 0 !== 0) return false
  }
  return true
}
