/** A secret value: text or bytes, never both. */
export type SecretValue = { readonly string: string } | { readonly binary: Uint8Array }

/** One version of a Secrets Manager secret; its value is sealed at rest. */
export interface SecretVersionRecord {
  /** The ARN of the secret (a cloud resource) the version belongs to. */
  readonly arn: string
  readonly versionId: string
  readonly value: SecretValue
  readonly createdAt: Date
}

/** The sealed values of Secrets Manager secret versions; stages live on the secret itself. */
export interface SecretVersionRepository {
  /** Stores a version; `StoreConflict` when the secret already has that version id. */
  put(version: SecretVersionRecord): Promise<void>
  get(arn: string, versionId: string): Promise<SecretVersionRecord | undefined>
  /** Deletes the named versions of a secret; returns how many were there. */
  delete(arn: string, versionIds: readonly string[]): Promise<number>
}
