import type { RandomBytes } from '../../kernel/ids.js'
import type { SecretValue } from '../../store/index.js'
import type { OperationContext } from '../operation.js'
import { invalidParameter, invalidRequest, versionExists } from './errors.js'
import type { Secret, SecretAttributes, SecretVersionInfo } from './secret.js'

/** The staging label of the current version. */
export const CURRENT = 'AWSCURRENT'
/** The staging label of the version that was current before. */
export const PREVIOUS = 'AWSPREVIOUS'

/** A version id as Secrets Manager makes them when the caller sends no ClientRequestToken: a UUID v4. */
export function newVersionId(random: RandomBytes): string {
  const b = Buffer.from(random(16))
  b[6] = (b[6]! & 0x0f) | 0x40
  b[8] = (b[8]! & 0x3f) | 0x80
  const hex = b.toString('hex')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}

/** The secret value of a request: SecretString or SecretBinary, never both; undefined when neither is given. */
export function inputValue(input: Record<string, unknown>): SecretValue | undefined {
  const text = input.SecretString as string | undefined
  const bytes = input.SecretBinary as Uint8Array | undefined
  if (text !== undefined && bytes !== undefined) {
    throw invalidParameter(
      "You can't specify both a binary secret value and a string secret value in the same secret.",
    )
  }
  if (text !== undefined) return { string: text }
  if (bytes !== undefined) return { binary: bytes }
  return undefined
}

/** The value PutSecretValue requires. */
export function requiredValue(input: Record<string, unknown>): SecretValue {
  const value = inputValue(input)
  if (value === undefined) throw invalidRequest('You must provide either SecretString or SecretBinary.')
  return value
}

const sameValue = (a: SecretValue, b: SecretValue): boolean =>
  'string' in a
    ? 'string' in b && a.string === b.string
    : 'binary' in b && Buffer.from(a.binary).equals(Buffer.from(b.binary))

/**
 * The versions after a new version takes `stages`: each label moves off the version that had it, and when
 * AWSCURRENT moves, the version losing it becomes AWSPREVIOUS.
 */
export function withVersion(
  attributes: SecretAttributes,
  versionId: string,
  stages: readonly string[],
  at: Date,
): Record<string, SecretVersionInfo> {
  const moving = new Set(stages)
  const oldCurrent = Object.entries(attributes.versions).find(([, v]) => v.stages.includes(CURRENT))?.[0]
  const demote = moving.has(CURRENT) && oldCurrent !== undefined && oldCurrent !== versionId
  const versions: Record<string, SecretVersionInfo> = {}
  for (const [id, version] of Object.entries(attributes.versions)) {
    let kept = version.stages.filter((stage) => !moving.has(stage) && !(demote && stage === PREVIOUS))
    if (demote && id === oldCurrent) kept = [...kept, PREVIOUS]
    versions[id] = Object.assign({}, version, { stages: kept })
  }
  versions[versionId] = {
    stages: [...stages],
    createdDate: attributes.versions[versionId]?.createdDate ?? at.toISOString(),
  }
  return versions
}

/** Outcome of `putVersion`: the version id and whether a new version was written. */
export interface PutVersionResult {
  readonly versionId: string
  readonly stages: readonly string[]
  readonly secret: Secret
}

/**
 * Stores a new version of `secret` (sealed) and moves the labels, atomically. A ClientRequestToken already used
 * with the same value changes nothing; with another value it is ResourceExistsException.
 */
export async function putVersion(
  ctx: OperationContext,
  secret: Secret,
  value: SecretValue,
  options: { token?: string; stages?: readonly string[]; attributes?: Partial<SecretAttributes> },
): Promise<PutVersionResult> {
  const versionId = options.token ?? newVersionId(ctx.random)
  const stages = options.stages ?? [CURRENT]
  return ctx.store.transaction(async (tx) => {
    const existing = await tx.secretVersions.get(secret.arn, versionId)
    if (existing !== undefined) {
      if (!sameValue(existing.value, value)) throw versionExists()
      return { versionId, stages: secret.attributes.versions[versionId]?.stages ?? [], secret }
    }
    await tx.secretVersions.put({ arn: secret.arn, versionId, value, createdAt: ctx.now })
    const now = ctx.now.toISOString()
    const attributes: SecretAttributes = Object.assign({}, secret.attributes, options.attributes, {
      lastChangedDate: now,
      versions: withVersion(secret.attributes, versionId, stages, ctx.now),
    })
    const updated = await tx.cloudResources.update<SecretAttributes>(
      secret.arn,
      { attributes, at: ctx.now },
      secret.revision,
    )
    return { versionId, stages, secret: updated ?? secret }
  })
}
