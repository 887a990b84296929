import { AwsError } from '../../../kernel/aws-error.js'
import type { Operation } from '../../operation.js'
import { onNewResource, tagOnCreate } from '../authz.js'
import { insertKeyPair } from '../key-pair-store.js'
import { importPublicKey } from '../ssh-keys.js'
import { tagsOnCreate, toWireTags } from '../tags.js'

/** EC2 ImportKeyPair: an OpenSSH RSA or Ed25519 public key. */
export const importKeyPair: Operation = {
  async authorize(ctx, input) {
    const tags = tagsOnCreate(input, ['key-pair'])
    return [
      onNewResource(ctx, 'ec2:ImportKeyPair', 'key-pair', tags, { 'ec2:KeyPairName': String(input.KeyName) }),
      ...tagOnCreate(ctx, 'ImportKeyPair', 'key-pair', tags),
    ]
  },
  async run(ctx, input) {
    const tags = tagsOnCreate(input, ['key-pair'])
    const key = importPublicKey(input.PublicKeyMaterial as Uint8Array)
    if (key === undefined)
      throw new AwsError('InvalidKey.Format', 400, 'Key is not in valid OpenSSH public key format')
    const name = String(input.KeyName)
    const record = await insertKeyPair(
      ctx,
      { KeyName: name, KeyType: key.type, KeyFingerprint: key.fingerprint, PublicKey: key.publicKey },
      tags,
    )
    return {
      KeyPairId: record.attributes.KeyPairId,
      KeyName: name,
      KeyFingerprint: key.fingerprint,
      Tags: toWireTags(record.tags),
    }
  },
}
