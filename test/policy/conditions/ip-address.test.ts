import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { blockContains, parseIpAddress, parseIpBlock } from '../../../src/policy/conditions/ip-address.js'

const contains = (cidr: string, ip: string) => {
  const block = parseIpBlock(cidr)
  const address = parseIpAddress(ip)
  assert.ok(block, `${cidr} parses`)
  assert.ok(address, `${ip} parses`)
  return blockContains(block, address)
}

describe('conditions/ip-address', () => {
  it('parses IPv4 addresses and rejects malformed ones', () => {
    assert.deepEqual(parseIpAddress('10.0.0.1'), { v6: false, words: [0x0a000001] })
    assert.deepEqual(parseIpAddress('255.255.255.255'), { v6: false, words: [0xffffffff] })
    for (const bad of [
      '10.0.0',
      '10.0.0.256',
      '10..0.1',
      '1.2.3.4.5',
      '1.2.3.4/8',
      'a.b.c.d',
      '',
      '1234.1.1.1',
    ]) {
      assert.equal(parseIpAddress(bad), undefined, bad)
    }
  })
  it('parses IPv6 addresses, compressed, full and with an embedded IPv4 tail', () => {
    assert.deepEqual(parseIpAddress('::'), { v6: true, words: [0, 0, 0, 0] })
    assert.deepEqual(parseIpAddress('::1'), { v6: true, words: [0, 0, 0, 1] })
    assert.deepEqual(parseIpAddress('2001:db8::'), { v6: true, words: [0x20010db8, 0, 0, 0] })
    assert.deepEqual(parseIpAddress('2001:0db8:0:0:0:0:0:1'), parseIpAddress('2001:db8::1'))
    assert.deepEqual(parseIpAddress('::ffff:192.0.2.1'), { v6: true, words: [0, 0, 0xffff, 0xc0000201] })
    for (const bad of [
      '1::2::3',
      '12345::',
      '1:2:3:4:5:6:7',
      '1:2:3:4:5:6:7:8:9',
      'fe80::1%eth0',
      ':::',
      '1:2:3:4:5:6:7::8',
    ]) {
      assert.equal(parseIpAddress(bad), undefined, bad)
    }
  })
  it('parses CIDR blocks; no prefix means a single address', () => {
    assert.equal(parseIpBlock('10.0.0.0/8')?.bits, 8)
    assert.equal(parseIpBlock('10.0.0.1')?.bits, 32)
    assert.equal(parseIpBlock('::1')?.bits, 128)
    assert.equal(parseIpBlock('10.0.0.0/33'), undefined)
    assert.equal(parseIpBlock('::/129'), undefined)
    assert.equal(parseIpBlock('10.0.0.0/'), undefined)
  })
  it('tests containment by prefix bits', () => {
    assert.equal(contains('10.0.0.0/8', '10.255.255.255'), true)
    assert.equal(contains('10.0.0.0/8', '11.0.0.0'), false)
    assert.equal(contains('0.0.0.0/0', '1.2.3.4'), true)
    assert.equal(contains('192.168.1.128/25', '192.168.1.200'), true)
    assert.equal(contains('192.168.1.128/25', '192.168.1.100'), false)
    assert.equal(contains('2001:db8::/32', '2001:db8:ffff::1'), true)
    assert.equal(contains('2001:db8::/33', '2001:db8:8000::1'), false)
    assert.equal(contains('::/0', '2001:db8::1'), true)
  })
  it('never matches across address families', () => {
    assert.equal(contains('0.0.0.0/0', '::1'), false)
    assert.equal(contains('::/0', '10.0.0.1'), false)
  })
})
