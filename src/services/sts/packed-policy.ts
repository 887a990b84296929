import { deflateRawSync } from 'node:zlib'

/** The space a session's packed policies and tags may use, in bytes of the packed form. */
export const PACKED_SPACE_BYTES = 2048

/** What a session packs: its inline policy, managed policy ARNs, tags and transitive tag keys. */
export interface PackedParts {
  readonly policy?: string
  readonly policyArns: readonly string[]
  readonly tags: readonly (readonly [string, string])[]
  readonly transitiveTagKeys: readonly string[]
}

/**
 * PackedPolicySize as Lanyard defines it (AWS's packing is undocumented): the parts are written as one text —
 * the policy minified, then one line per ARN, per `key=value` tag and per transitive key — compressed with raw
 * DEFLATE at level 9, and the compressed length is given as a percentage of `PACKED_SPACE_BYTES`, rounded up.
 * A session with nothing to pack uses 0%.
 */
export function packedPolicySize(parts: PackedParts): number {
  const lines: string[] = []
  if (parts.policy !== undefined) lines.push(minify(parts.policy))
  lines.push(...parts.policyArns)
  for (const [key, value] of parts.tags) lines.push(`${key}=${value}`)
  lines.push(...parts.transitiveTagKeys)
  if (lines.length === 0) return 0
  const packed = deflateRawSync(Buffer.from(lines.join('\n'), 'utf8'), { level: 9 })
  return Math.ceil((packed.length * 100) / PACKED_SPACE_BYTES)
}

function minify(policy: string): string {
  try {
    return JSON.stringify(JSON.parse(policy))
  } catch {
    return policy
  }
}
