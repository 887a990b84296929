import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { cidrContains, cidrOverlaps, formatAddress, parseCidr } from '../../../src/services/ec2/cidr.js'
import { checkSubnetCidr } from '../../../src/services/ec2/subnets.js'
import type { VpcAttributes } from '../../../src/services/ec2/vpcs.js'

const cidr = (text: string) => {
  const parsed = parseCidr(text)
  assert.ok(parsed, text)
  return parsed
}

describe('ec2 CIDR blocks', () => {
  it('parse dotted blocks and refuse host bits, bad octets and bad prefixes', () => {
    assert.deepEqual(parseCidr('10.0.0.0/16'), { network: 0x0a000000, prefix: 16 })
    assert.deepEqual(parseCidr('0.0.0.0/0'), { network: 0, prefix: 0 })
    assert.deepEqual(parseCidr('255.255.255.255/32'), { network: 0xffffffff, prefix: 32 })
    for (const bad of [
      '10.0.0.1/16',
      '10.0.0.0',
      '10.0.0/16',
      '256.0.0.0/8',
      '10.0.0.0/33',
      '010.0.0.0/8',
      'a.b.c.d/8',
      '10.0.0.0/-1',
    ])
      assert.equal(parseCidr(bad), undefined, bad)
    assert.equal(formatAddress(cidr('172.16.32.0/20').network), '172.16.32.0')
  })

  it('contain and overlap', () => {
    assert.equal(cidrContains(cidr('10.0.0.0/16'), cidr('10.0.255.0/24')), true)
    assert.equal(cidrContains(cidr('10.0.0.0/16'), cidr('10.1.0.0/24')), false)
    assert.equal(cidrContains(cidr('10.0.0.0/24'), cidr('10.0.0.0/16')), false)
    assert.equal(cidrOverlaps(cidr('10.0.0.0/20'), cidr('10.0.8.0/24')), true)
    assert.equal(cidrOverlaps(cidr('10.0.0.0/24'), cidr('10.0.1.0/24')), false)
    assert.equal(cidrOverlaps(cidr('10.0.1.0/24'), cidr('10.0.0.0/24')), false)
  })

  it('put a subnet inside its VPC, /16 to /28, overlapping no sibling, with five addresses reserved', () => {
    const vpc = { CidrBlock: '10.0.0.0/16' } as VpcAttributes
    const sibling = [{ attributes: { CidrBlock: '10.0.0.0/24' } }] as never
    assert.equal(checkSubnetCidr('10.0.1.0/24', vpc, sibling), 251)
    assert.equal(checkSubnetCidr('10.0.0.16/28', { CidrBlock: '10.0.0.0/24' } as VpcAttributes, []), 11)
    const code = (f: () => unknown) => {
      try {
        f()
      } catch (error) {
        return [(error as { code: string }).code, (error as Error).message]
      }
      return undefined
    }
    assert.deepEqual(
      code(() => checkSubnetCidr('10.0.0.128/25', vpc, sibling)),
      ['InvalidSubnet.Conflict', "The CIDR '10.0.0.128/25' conflicts with another subnet"],
    )
    assert.deepEqual(
      code(() => checkSubnetCidr('10.1.0.0/24', vpc, sibling)),
      ['InvalidSubnet.Range', "The CIDR '10.1.0.0/24' is invalid."],
    )
    assert.deepEqual(
      code(() => checkSubnetCidr('10.0.2.0/29', vpc, sibling)),
      ['InvalidSubnet.Range', "The CIDR '10.0.2.0/29' is invalid."],
    )
    assert.deepEqual(
      code(() => checkSubnetCidr('10.0.2.1/24', vpc, sibling)),
      [
        'InvalidParameterValue',
        'Value (10.0.2.1/24) for parameter cidrBlock is invalid. This is not a valid CIDR block.',
      ],
    )
  })
})
