import { AwsError } from '../../kernel/aws-error.js'
import type { Ec2Record } from './resource-store.js'
import { toWireTags } from './tags.js'

/** The attributes of a stored key pair (its ARN names it by KeyName). */
export interface KeyPairAttributes {
  readonly KeyPairId: string
  readonly KeyName: string
  readonly KeyType: 'rsa' | 'ed25519'
  readonly KeyFingerprint: string
  readonly PublicKey: string
  readonly CreateTime: string
}

/** AWS: key names are unique per account and region. */
export const duplicateKeyPair = (name: string): AwsError =>
  new AwsError('InvalidKeyPair.Duplicate', 400, `The keypair '${name}' already exists.`)

/** The wire shape of a key pair (DescribeKeyPairs); the public key only when asked for. */
export function keyPairShape(record: Ec2Record<object>, withPublicKey: boolean): Record<string, unknown> {
  const a = record.attributes as KeyPairAttributes
  return {
    KeyPairId: a.KeyPairId,
    KeyName: a.KeyName,
    KeyType: a.KeyType,
    KeyFingerprint: a.KeyFingerprint,
    CreateTime: new Date(a.CreateTime),
    ...(withPublicKey ? { PublicKey: a.PublicKey } : {}),
    Tags: toWireTags(record.tags),
  }
}
