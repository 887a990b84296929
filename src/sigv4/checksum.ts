import { createHash } from 'node:crypto'
import { fail, type SigV4Failure } from './errors.js'

/** The checksum algorithms S3 accepts in `x-amz-checksum-*` headers and trailers. */
export type ChecksumAlgorithm = 'CRC32' | 'CRC32C' | 'CRC64NVME' | 'SHA1' | 'SHA256'

function crc32Table(poly: number): Uint32Array {
  const table = new Uint32Array(256)
  for (let n = 0; n < 256; n++) {
    let c = n
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ poly : c >>> 1
    table[n] = c >>> 0
  }
  return table
}

const CRC32 = crc32Table(0xedb88320)
const CRC32C = crc32Table(0x82f63b78)

/** CRC-64/NVME's reflected table, as high and low 32-bit halves. */
const CRC64 = (() => {
  const hi = new Uint32Array(256)
  const lo = new Uint32Array(256)
  const poly = 0x9a6c9329ac4bc9b5n
  for (let n = 0; n < 256; n++) {
    let c = BigInt(n)
    for (let k = 0; k < 8; k++) c = c & 1n ? (c >> 1n) ^ poly : c >> 1n
    hi[n] = Number(c >> 32n)
    lo[n] = Number(c & 0xffffffffn)
  }
  return { hi, lo }
})()

function crc32With(table: Uint32Array, data: Uint8Array): Buffer {
  let crc = 0xffffffff
  for (const byte of data) crc = table[(crc ^ byte) & 0xff]! ^ (crc >>> 8)
  const out = Buffer.alloc(4)
  out.writeUInt32BE((crc ^ 0xffffffff) >>> 0)
  return out
}

function crc64nvme(data: Uint8Array): Buffer {
  let hi = 0xffffffff
  let lo = 0xffffffff
  for (const byte of data) {
    const i = (lo ^ byte) & 0xff
    lo = (((lo >>> 8) | (hi << 24)) ^ CRC64.lo[i]!) >>> 0
    hi = ((hi >>> 8) ^ CRC64.hi[i]!) >>> 0
  }
  const out = Buffer.alloc(8)
  out.writeUInt32BE((hi ^ 0xffffffff) >>> 0, 0)
  out.writeUInt32BE((lo ^ 0xffffffff) >>> 0, 4)
  return out
}

/** The base64 checksum of `data`, as S3 writes it in `x-amz-checksum-<algorithm>`. */
export function checksumOf(algorithm: ChecksumAlgorithm, data: Uint8Array): string {
  switch (algorithm) {
    case 'CRC32':
      return crc32With(CRC32, data).toString('base64')
    case 'CRC32C':
      return crc32With(CRC32C, data).toString('base64')
    case 'CRC64NVME':
      return crc64nvme(data).toString('base64')
    case 'SHA1':
      return createHash('sha1').update(data).digest('base64')
    case 'SHA256':
      return createHash('sha256').update(data).digest('base64')
  }
}

const ALGORITHMS: ReadonlyMap<string, ChecksumAlgorithm> = new Map([
  ['x-amz-checksum-crc32', 'CRC32'],
  ['x-amz-checksum-crc32c', 'CRC32C'],
  ['x-amz-checksum-crc64nvme', 'CRC64NVME'],
  ['x-amz-checksum-sha1', 'SHA1'],
  ['x-amz-checksum-sha256', 'SHA256'],
])

/** Checks every `x-amz-checksum-*` value (trailer or header) against the payload; AWS: BadDigest on a mismatch. */
export function checkChecksums(
  payload: Uint8Array,
  values: Readonly<Record<string, string | undefined>>,
): SigV4Failure | undefined {
  for (const [name, value] of Object.entries(values)) {
    const algorithm = ALGORITHMS.get(name.toLowerCase())
    if (algorithm === undefined || value === undefined) continue
    if (checksumOf(algorithm, payload) !== value.trim()) {
      return fail('BadDigest', 400, `The ${algorithm} you specified did not match the calculated checksum.`)
    }
  }
  return undefined
}
