import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { checkChecksums, checksumOf } from '../../src/sigv4/index.js'

const hex = (b64: string) => Buffer.from(b64, 'base64').toString('hex')
const CHECK = new TextEncoder().encode('123456789')

describe('sigv4 checksums', () => {
  it('match the published check values of each CRC', () => {
    assert.equal(hex(checksumOf('CRC32', CHECK)), 'cbf43926')
    assert.equal(hex(checksumOf('CRC32C', CHECK)), 'e3069283')
    assert.equal(hex(checksumOf('CRC64NVME', CHECK)), 'ae8b14860a799888')
    assert.equal(hex(checksumOf('SHA1', CHECK)), 'f7c3bc1d808e04732adf679965ccc34ca7ae3441')
  })

  it('reproduce the CRC32C trailer of the S3 chunked-upload example', () => {
    assert.equal(checksumOf('CRC32C', new Uint8Array(66560).fill(0x61)), 'sOO8/Q==')
  })

  it('AWS: a mismatch is BadDigest naming the algorithm', () => {
    const data = new TextEncoder().encode('hello')
    assert.equal(checkChecksums(data, { 'x-amz-checksum-crc32': checksumOf('CRC32', data) }), undefined)
    assert.deepEqual(checkChecksums(data, { 'x-amz-checksum-sha256': checksumOf('SHA256', CHECK) }), {
      ok: false,
      code: 'BadDigest',
      status: 400,
      message: 'The SHA256 you specified did not match the calculated checksum.',
    })
    assert.equal(checkChecksums(data, { 'content-md5': 'x' }), undefined)
  })
})
