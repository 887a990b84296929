const HEX = '0123456789ABCDEF'
const encoder = new TextEncoder()
const decoder = new TextDecoder('utf-8', { fatal: false })

/** True for RFC 3986 unreserved characters: `A-Z a-z 0-9 - _ . ~`. */
function isUnreserved(code: number): boolean {
  return (
    (code >= 0x41 && code <= 0x5a) ||
    (code >= 0x61 && code <= 0x7a) ||
    (code >= 0x30 && code <= 0x39) ||
    code === 0x2d ||
    code === 0x5f ||
    code === 0x2e ||
    code === 0x7e
  )
}

function isHex(code: number | undefined): boolean {
  return (
    code !== undefined &&
    ((code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x46) || (code >= 0x61 && code <= 0x66))
  )
}

/** Percent-encodes the UTF-8 bytes of `text` the SigV4 way: unreserved characters stay, hex is upper-case. */
export function uriEncode(text: string, keepSlash = false): string {
  let out = ''
  for (const byte of encoder.encode(text)) {
    if (isUnreserved(byte) || (keepSlash && byte === 0x2f)) out += String.fromCharCode(byte)
    else out += `%${HEX[byte >> 4]}${HEX[byte & 15]}`
  }
  return out
}

/** Decodes `%XX` escapes into UTF-8 text; `+` stays a plus and a stray `%` stays literal. */
export function percentDecode(text: string): string {
  if (!text.includes('%')) return text
  const raw = encoder.encode(text)
  const bytes = new Uint8Array(raw.length)
  let n = 0
  for (let i = 0; i < raw.length; i++) {
    const byte = raw[i]!
    if (byte === 0x25 && isHex(raw[i + 1]) && isHex(raw[i + 2])) {
      bytes[n++] = Number.parseInt(String.fromCharCode(raw[i + 1]!, raw[i + 2]!), 16)
      i += 2
    } else bytes[n++] = byte
  }
  return decoder.decode(bytes.subarray(0, n))
}

/**
 * Puts an already-encoded path into canonical form without decoding it twice: valid `%XX` escapes
 * are kept (hex upper-cased), unreserved characters and `/` stay, every other byte is encoded.
 */
export function canonicalizeEncodedPath(path: string): string {
  let out = ''
  const bytes = encoder.encode(path)
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i]!
    if (byte === 0x25 && isHex(bytes[i + 1]) && isHex(bytes[i + 2])) {
      out += `%${String.fromCharCode(bytes[i + 1]!, bytes[i + 2]!).toUpperCase()}`
      i += 2
    } else if (isUnreserved(byte) || byte === 0x2f) out += String.fromCharCode(byte)
    else out += `%${HEX[byte >> 4]}${HEX[byte & 15]}`
  }
  return out
}
