import type { Operation } from '../../operation.js'
import { onNewResource, tagOnCreate } from '../authz.js'
import { invalidParameterValue } from '../errors.js'
import { insertKeyPair } from '../key-pair-store.js'
import { makeKeyPair } from '../ssh-keys.js'
import { tagsOnCreate, toWireTags } from '../tags.js'

/** EC2 CreateKeyPair: a new RSA (PKCS#1 PEM) or Ed25519 (OpenSSH) key; the private key is returned once. */
export const createKeyPair: Operation = {
  async authorize(ctx, input) {
    const tags = tagsOnCreate(input, ['key-pair'])
    const type = String(input.KeyType ?? 'rsa')
    return [
      onNewResource(ctx, 'ec2:CreateKeyPair', 'key-pair', tags, {
        'ec2:KeyPairName': String(input.KeyName),
        'ec2:KeyPairType': type,
      }),
      ...tagOnCreate(ctx, 'CreateKeyPair', 'key-pair', tags),
    ]
  },
  async run(ctx, input) {
    const tags = tagsOnCreate(input, ['key-pair'])
    const name = String(input.KeyName)
    if (name.length === 0 || name.length > 255)
      throw invalidParameterValue('Key names are 1 to 255 characters.')
    if (input.KeyFormat === 'ppk')
      throw invalidParameterValue('Lanyard returns private keys in pem format only.')
    const type = input.KeyType === 'ed25519' ? 'ed25519' : 'rsa'
    const made = makeKeyPair(type, name, ctx.random)
    const record = await insertKeyPair(
      ctx,
      { KeyName: name, KeyType: type, KeyFingerprint: made.fingerprint, PublicKey: made.publicKey },
      tags,
    )
    return {
      KeyPairId: record.attributes.KeyPairId,
      KeyName: name,
      KeyFingerprint: made.fingerprint,
      KeyMaterial: made.privateKey,
      Tags: toWireTags(record.tags),
    }
  },
}
