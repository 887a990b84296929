import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { formatArn, parseArn, splitArn } from '../../src/kernel/arn.js'

describe('kernel/arn', () => {
  it('splits on the first five colons only', () => {
    assert.deepEqual(splitArn('arn:aws:ec2:us-east-1:123456789012:instance/i-1:x'), [
      'arn',
      'aws',
      'ec2',
      'us-east-1',
      '123456789012',
      'instance/i-1:x',
    ])
  })
  it('rejects text with fewer than five colons', () => {
    assert.equal(parseArn('arn:aws:s3::bucket'), undefined)
    assert.equal(splitArn('*'), undefined)
  })
  it('round-trips through formatArn', () => {
    const text = 'arn:aws:iam::123456789012:role/path/Name'
    const arn = parseArn(text)
    assert.ok(arn)
    assert.equal(formatArn(arn), text)
  })
})
