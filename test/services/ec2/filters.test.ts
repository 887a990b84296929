import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import {
  checkFilters,
  filterValues,
  matchesFilters,
  storeTagFilters,
} from '../../../src/services/ec2/filters.js'
import { paginate } from '../../../src/services/ec2/pagination.js'
import { filterValueMatches } from '../../../src/services/ec2/wildcard.js'

const SUBNET = {
  SubnetId: 'subnet-1',
  CidrBlock: '10.0.1.0/24',
  DefaultForAz: false,
  AvailableIpAddressCount: 251,
  Attachments: [{ VpcId: 'vpc-a' }, { VpcId: 'vpc-b' }],
  Tags: [
    { Key: 'Name', Value: 'public-a' },
    { Key: 'kubernetes.io/role/elb', Value: '' },
  ],
}
const TABLE = {
  'subnet-id': 'SubnetId',
  'cidr-block': 'CidrBlock',
  'default-for-az': 'DefaultForAz',
  'available-ip-address-count': 'AvailableIpAddressCount',
  'attachment.vpc-id': 'Attachments.VpcId',
  computed: (item: Readonly<Record<string, unknown>>) => [String(item.SubnetId).toUpperCase()],
}

describe('ec2 filter values', () => {
  it('match * and ? wildcards, escapes and exact text, case-sensitively', () => {
    const cases: [string, string, boolean][] = [
      ['public-*', 'public-a', true],
      ['public-?', 'public-ab', false],
      ['*', '', true],
      ['?', '', false],
      ['10.0.*.0/24', '10.0.1.0/24', true],
      ['Public-a', 'public-a', false],
      ['a\\*b', 'a*b', true],
      ['a\\*b', 'axb', false],
      ['a.b', 'axb', false],
      ['(x)+', '(x)+', true],
    ]
    for (const [pattern, text, expected] of cases)
      assert.equal(filterValueMatches(pattern, text), expected, `${pattern} ~ ${text}`)
  })
})

describe('ec2 filters', () => {
  it('read member paths through lists, booleans and numbers as text, and tag filters', () => {
    assert.deepEqual(filterValues(SUBNET, 'attachment.vpc-id', TABLE), ['vpc-a', 'vpc-b'])
    assert.deepEqual(filterValues(SUBNET, 'default-for-az', TABLE), ['false'])
    assert.deepEqual(filterValues(SUBNET, 'available-ip-address-count', TABLE), ['251'])
    assert.deepEqual(filterValues(SUBNET, 'computed', TABLE), ['SUBNET-1'])
    assert.deepEqual(filterValues(SUBNET, 'tag:Name', TABLE), ['public-a'])
    assert.deepEqual(filterValues(SUBNET, 'tag:name', TABLE), [])
    assert.deepEqual(filterValues(SUBNET, 'tag-key', TABLE), ['Name', 'kubernetes.io/role/elb'])
    assert.deepEqual(filterValues(SUBNET, 'tag-value', TABLE), ['public-a', ''])
  })

  it('AND the filters and OR the values of one filter', () => {
    const match = (filters: { Name: string; Values: string[] }[]) => matchesFilters(SUBNET, filters, TABLE)
    assert.equal(match([]), true)
    assert.equal(match([{ Name: 'attachment.vpc-id', Values: ['vpc-x', 'vpc-b'] }]), true)
    assert.equal(
      match([
        { Name: 'tag-key', Values: ['kubernetes.io/role/*'] },
        { Name: 'cidr-block', Values: ['10.0.1.0/24'] },
      ]),
      true,
    )
    assert.equal(
      match([
        { Name: 'tag-key', Values: ['kubernetes.io/role/*'] },
        { Name: 'cidr-block', Values: ['10.0.2.0/24'] },
      ]),
      false,
    )
    assert.equal(match([{ Name: 'tag:kubernetes.io/role/elb', Values: [''] }]), true)
    assert.equal(match([{ Name: 'tag:missing', Values: ['*'] }]), false)
    assert.equal(match([{ Name: 'default-for-az', Values: ['true'] }]), false)
  })

  it('reject a filter name the table does not know, with AWS text', () => {
    checkFilters([{ Name: 'tag:anything' }, { Name: 'tag-key' }, { Name: 'subnet-id' }], TABLE)
    assert.throws(
      () => checkFilters([{ Name: 'vpc' }], TABLE),
      (error: Error & { code?: string }) =>
        error.code === 'InvalidParameterValue' && error.message === "The filter 'vpc' is invalid",
    )
  })
})

describe('ec2 tag filters for the store', () => {
  it('hand over literal tag:<key> and single tag-key filters, never wildcards', () => {
    assert.deepEqual(
      storeTagFilters([
        { Name: 'tag:Name', Values: ['a', 'b'] },
        { Name: 'tag:env', Values: ['pro*'] },
        { Name: 'tag-key', Values: ['owner'] },
        { Name: 'tag-key', Values: ['x', 'y'] },
        { Name: 'tag-key', Values: ['k?'] },
        { Name: 'vpc-id', Values: ['vpc-1'] },
      ]),
      [
        { key: 'Name', values: ['a', 'b'] },
        { key: 'owner', values: [] },
      ],
    )
  })
})

describe('ec2 pagination', () => {
  const items = ['a', 'b', 'c', 'd', 'e', 'f', 'g']
  it('pages after the token key and ends without a token; no MaxResults is one page', () => {
    const first = paginate(items, (x) => x, { MaxResults: 5 })
    assert.deepEqual(first.items, ['a', 'b', 'c', 'd', 'e'])
    const second = paginate(items, (x) => x, { MaxResults: 5, NextToken: first.nextToken })
    assert.deepEqual(second, { items: ['f', 'g'] })
    assert.deepEqual(
      paginate(items, (x) => x, {}),
      { items },
    )
    assert.deepEqual(
      paginate(items, (x) => x, { MaxResults: 7 }),
      { items },
    )
  })
  it('rejects MaxResults outside the range and a token it did not hand out', () => {
    assert.throws(() => paginate(items, (x) => x, { MaxResults: 1001 }), /Expecting a value less than 1001/)
    assert.throws(
      () => paginate(items, (x) => x, { NextToken: 'garbage' }),
      (e: Error & { code?: string }) => e.code === 'InvalidNextToken',
    )
  })
})
