import type { Operation } from '../../operation.js'
import { onAnyResource } from '../authz.js'
import { describe } from '../describe.js'
import { notFound } from '../errors.js'
import { keyPairShape } from '../key-pairs.js'
import { KEY_PAIR_FILTERS } from '../network-filters.js'

/** EC2 DescribeKeyPairs: by name, id or filter; the public key with IncludePublicKey. */
export const describeKeyPairs: Operation = {
  readOnly: true,
  async authorize(ctx) {
    return [onAnyResource(ctx, 'ec2:DescribeKeyPairs')]
  },
  async run(ctx, input) {
    const page = await describe(ctx, input, {
      type: 'key-pair',
      idsMember: 'KeyPairIds',
      filters: KEY_PAIR_FILTERS,
      shape: (record) => keyPairShape(record, input.IncludePublicKey === true),
    })
    const names = (input.KeyNames ?? []) as string[]
    const missing = names.filter((name) => !page.items.some((k) => k.KeyName === name))
    if (missing.length > 0) throw notFound('key-pair', missing)
    return {
      KeyPairs: names.length === 0 ? page.items : page.items.filter((k) => names.includes(String(k.KeyName))),
    }
  },
}
