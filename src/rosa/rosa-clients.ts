import type { IAMClient } from '@aws-sdk/client-iam'
import type { S3Client } from '@aws-sdk/client-s3'
import type { SecretsManagerClient } from '@aws-sdk/client-secrets-manager'
import type { STSClient } from '@aws-sdk/client-sts'
import type { ClusterApi } from './cluster-api.js'

/** The AWS SDK v3 clients the rosa commands call. */
export interface RosaClients {
  readonly iam: IAMClient
  readonly s3: S3Client
  readonly secrets: SecretsManagerClient
  readonly sts: STSClient
  /** The cluster service (managed OIDC configurations); absent against real AWS. */
  readonly clusters?: ClusterApi
}

/** One line of progress. */
export type RosaLog = (line: string) => void

/** A tag as IAM, S3 and Secrets Manager take it. */
export interface RosaTag {
  readonly Key: string
  readonly Value: string
}

/** Turns a record into a tag list, in insertion order. */
export function toTags(record: Readonly<Record<string, string>>): RosaTag[] {
  return Object.entries(record).map(([Key, Value]) => ({ Key, Value }))
}

/** Whether an SDK error carries this AWS error code (SDK v3 names IAM's `NoSuchEntity` `NoSuchEntityException`). */
export function isAwsError(error: unknown, code: string): boolean {
  const e = error as { name?: string; Code?: string } | null
  return e?.name === code || e?.name === `${code}Exception` || e?.Code === code
}
