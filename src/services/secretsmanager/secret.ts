import type { CloudResourceRecord } from '../../store/index.js'
import type { OperationContext } from '../operation.js'
import { markedForDeletion, secretNotFound } from './errors.js'

/** One version of a secret as the secret records it; the value lives in `store.secretVersions`. */
export interface SecretVersionInfo {
  /** Staging labels (AWSCURRENT, AWSPREVIOUS, custom); empty for a deprecated version. */
  readonly stages: readonly string[]
  /** ISO-8601. */
  readonly createdDate: string
}

/** The attributes of a secret in `store.cloudResources` (service `secretsmanager`, type `secret`, id = name). */
export type SecretAttributes = {
  readonly name: string
  readonly description?: string
  readonly kmsKeyId?: string
  /** ISO-8601 times. */
  readonly createdDate: string
  readonly lastChangedDate: string
  readonly lastAccessedDate?: string
  /** When DeleteSecret was called; absent unless the secret is scheduled for deletion. */
  readonly deletedDate?: string
  /** When a scheduled deletion happens. */
  readonly deletionDate?: string
  /** The resource policy, as the caller wrote it. */
  readonly policy?: string
  readonly versions: Readonly<Record<string, SecretVersionInfo>>
}

/** A stored secret. */
export type Secret = CloudResourceRecord<SecretAttributes>

/** The service and type secrets are stored under. */
export const SECRET_KIND = { service: 'secretsmanager', type: 'secret' } as const

/** The account of the caller. */
export const callerAccount = (ctx: OperationContext): string => ctx.caller?.principal.account ?? ''

/**
 * The secret a SecretId names: a name, a full ARN, or a partial ARN (without the six-character suffix).
 * A secret whose recovery window has passed is deleted here and is not found.
 */
export async function findSecret(ctx: OperationContext, secretId: string): Promise<Secret | undefined> {
  const secret = await lookup(ctx, secretId)
  if (
    secret?.attributes.deletionDate !== undefined &&
    Date.parse(secret.attributes.deletionDate) <= ctx.now.getTime()
  ) {
    await ctx.store.cloudResources.delete(secret.arn)
    return undefined
  }
  return secret
}

async function lookup(ctx: OperationContext, secretId: string): Promise<Secret | undefined> {
  if (!secretId.startsWith('arn:')) {
    return ctx.store.cloudResources.find<SecretAttributes>({
      accountId: callerAccount(ctx),
      region: ctx.region,
      ...SECRET_KIND,
      id: secretId,
    })
  }
  // AWS: Secrets Manager is regional; an ARN of another region names no secret of this endpoint.
  const exact = await ctx.store.cloudResources.get<SecretAttributes>(secretId)
  if (exact !== undefined)
    return exact.service === 'secretsmanager' && exact.region === ctx.region ? exact : undefined
  const parts = secretId.split(':')
  if (parts.length < 7 || parts[2] !== 'secretsmanager' || parts[5] !== 'secret' || parts[3] !== ctx.region)
    return undefined
  return ctx.store.cloudResources.find<SecretAttributes>({
    accountId: parts[4]!,
    region: parts[3]!,
    ...SECRET_KIND,
    id: parts.slice(6).join(':'),
  })
}

/** The secret a SecretId names; ResourceNotFoundException, or InvalidRequestException when it is scheduled for deletion. */
export async function requireSecret(
  ctx: OperationContext,
  secretId: unknown,
  options: { readonly allowDeleted?: boolean } = {},
): Promise<Secret> {
  const secret = await findSecret(ctx, String(secretId))
  if (secret === undefined) throw secretNotFound()
  if (secret.attributes.deletedDate !== undefined && options.allowDeleted !== true) throw markedForDeletion()
  return secret
}

/** The version id carrying a staging label, if any. */
export function versionWithStage(attributes: SecretAttributes, stage: string): string | undefined {
  return Object.entries(attributes.versions).find(([, v]) => v.stages.includes(stage))?.[0]
}

/** `{ versionId: stages }` of the versions that carry a label (AWS omits deprecated versions). */
export function versionsToStages(attributes: SecretAttributes): Record<string, string[]> | undefined {
  const entries = Object.entries(attributes.versions).filter(([, v]) => v.stages.length > 0)
  return entries.length === 0 ? undefined : Object.fromEntries(entries.map(([id, v]) => [id, [...v.stages]]))
}
