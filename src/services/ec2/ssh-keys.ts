import { createHash, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto'
import type { RandomBytes } from '../../kernel/ids.js'

/** A key pair EC2 made: the private key for the caller and what EC2 keeps. */
export interface MadeKey {
  readonly privateKey: string
  readonly publicKey: string
  readonly fingerprint: string
}

/** What EC2 keeps of an imported public key. */
export interface ImportedKey {
  readonly type: 'rsa' | 'ed25519'
  readonly publicKey: string
  readonly fingerprint: string
}

const u32 = (n: number) => {
  const b = Buffer.alloc(4)
  b.writeUInt32BE(n)
  return b
}
const sshString = (data: Buffer | string) => {
  const bytes = typeof data === 'string' ? Buffer.from(data) : data
  return Buffer.concat([u32(bytes.length), bytes])
}
/** An SSH mpint: big-endian, with a zero byte in front when the top bit is set. */
const mpint = (data: Buffer) => sshString(data[0]! & 0x80 ? Buffer.concat([Buffer.of(0), data]) : data)

const colonHex = (digest: Buffer) => digest.toString('hex').replace(/(..)(?!$)/g, '$1:')

/** The OpenSSH public key blob of an RSA or Ed25519 key. */
function publicBlob(key: KeyObject): Buffer {
  const jwk = key.export({ format: 'jwk' })
  if (jwk.kty === 'OKP')
    return Buffer.concat([sshString('ssh-ed25519'), sshString(Buffer.from(jwk.x!, 'base64url'))])
  return Buffer.concat([
    sshString('ssh-rsa'),
    mpint(Buffer.from(jwk.e!, 'base64url')),
    mpint(Buffer.from(jwk.n!, 'base64url')),
  ])
}

/** `ssh-rsa AAAA…` / `ssh-ed25519 AAAA…`, as DescribeKeyPairs IncludePublicKey shows it. */
function openSshPublic(blob: Buffer, comment: string): string {
  const type = blob.subarray(4, 4 + blob.readUInt32BE(0)).toString()
  return `${type} ${blob.toString('base64')} ${comment}`
}

/** The unencrypted OpenSSH private key file of an Ed25519 key (`-----BEGIN OPENSSH PRIVATE KEY-----`). */
function openSshPrivateEd25519(key: KeyObject, comment: string, random: RandomBytes): string {
  const jwk = key.export({ format: 'jwk' })
  const pub = Buffer.from(jwk.x!, 'base64url')
  const seed = Buffer.from(jwk.d!, 'base64url')
  const blob = publicBlob(key)
  const check = Buffer.from(random(4))
  let section = Buffer.concat([
    check,
    check,
    sshString('ssh-ed25519'),
    sshString(pub),
    sshString(Buffer.concat([seed, pub])),
    sshString(comment),
  ])
  const pad = (8 - (section.length % 8)) % 8
  section = Buffer.concat([section, Buffer.from(Array.from({ length: pad }, (_, i) => i + 1))])
  const body = Buffer.concat([
    Buffer.from('openssh-key-v1\0'),
    sshString('none'),
    sshString('none'),
    sshString(''),
    u32(1),
    sshString(blob),
    sshString(section),
  ])
  const lines = body
    .toString('base64')
    .match(/.{1,70}/g)!
    .join('\n')
  return `-----BEGIN OPENSSH PRIVATE KEY-----\n${lines}\n-----END OPENSSH PRIVATE KEY-----\n`
}

/**
 * Makes a key pair as CreateKeyPair does. AWS: RSA keys come as PKCS#1 PEM with the SHA-1 digest of the PKCS#8
 * private key as fingerprint; Ed25519 keys in OpenSSH format with the base64 SHA-256 of the public key.
 */
export function makeKeyPair(type: 'rsa' | 'ed25519', name: string, random: RandomBytes): MadeKey {
  if (type === 'ed25519') {
    const { privateKey, publicKey } = generateKeyPairSync('ed25519')
    const blob = publicBlob(publicKey)
    return {
      privateKey: openSshPrivateEd25519(privateKey, name, random),
      publicKey: openSshPublic(blob, name),
      fingerprint: createHash('sha256').update(blob).digest('base64'),
    }
  }
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
  const pkcs8 = privateKey.export({ type: 'pkcs8', format: 'der' })
  return {
    privateKey: String(privateKey.export({ type: 'pkcs1', format: 'pem' })).trimEnd(),
    publicKey: openSshPublic(publicBlob(publicKey), name),
    fingerprint: colonHex(createHash('sha1').update(pkcs8).digest()),
  }
}

/**
 * Reads an OpenSSH public key (`ssh-rsa …` or `ssh-ed25519 …`) as ImportKeyPair does; undefined when it is not
 * one. AWS: an imported RSA key's fingerprint is the MD5 of its DER public key, an Ed25519 key's the base64
 * SHA-256 of its blob.
 */
export function importPublicKey(material: Uint8Array): ImportedKey | undefined {
  const [type, base64] = Buffer.from(material).toString('utf8').trim().split(/\s+/)
  if ((type !== 'ssh-rsa' && type !== 'ssh-ed25519') || base64 === undefined) return undefined
  const blob = Buffer.from(base64, 'base64')
  try {
    const fields: Buffer[] = []
    for (let at = 0; at < blob.length; ) {
      const size = blob.readUInt32BE(at)
      fields.push(blob.subarray(at + 4, at + 4 + size))
      at += 4 + size
    }
    if (fields[0]?.toString() !== type) return undefined
    if (type === 'ssh-ed25519') {
      if (fields[1]?.length !== 32) return undefined
      return {
        type: 'ed25519',
        publicKey: `${type} ${base64}`,
        fingerprint: createHash('sha256').update(blob).digest('base64'),
      }
    }
    const strip = (b: Buffer) => (b[0] === 0 ? b.subarray(1) : b)
    const key = createPublicKey({
      key: {
        kty: 'RSA',
        e: strip(fields[1]!).toString('base64url'),
        n: strip(fields[2]!).toString('base64url'),
      },
      format: 'jwk',
    })
    const der = key.export({ type: 'spki', format: 'der' })
    return {
      type: 'rsa',
      publicKey: `${type} ${base64}`,
      fingerprint: colonHex(createHash('md5').update(der).digest()),
    }
  } catch {
    return undefined
  }
}
