import type { CredentialScope } from './request.js'

/** Where a request carried its SigV4 authentication. */
export type AuthMechanism = 'header' | 'query'

/** What `parseSigV4` extracts from a signed request; the server looks up the secret for `accessKeyId`. */
export interface ParsedAuth {
  readonly ok: true
  readonly mechanism: AuthMechanism
  readonly accessKeyId: string
  /** The credential scope exactly as the client wrote it, e.g. `20150830/us-east-1/iam/aws4_request`. */
  readonly credentialScope: string
  readonly scope: CredentialScope
  /** Lower-case signed header names, in the client's order. */
  readonly signedHeaders: readonly string[]
  /** The signature the client sent. */
  readonly signature: string
  /** The request time as signed: `X-Amz-Date`, or the `Date` header in ISO-8601 basic format. */
  readonly amzDate: string
  readonly requestTime: Date
  /** `X-Amz-Security-Token` from the header or the query, signed or not. */
  readonly securityToken?: string
  /** `X-Amz-Expires` in seconds (query authentication only). */
  readonly expiresSeconds?: number
  /** Whether S3's rules apply: chosen by the caller, else by the scope's service. */
  readonly s3: boolean
}

/** Options of `parseSigV4`. */
export interface ParseOptions {
  /** Apply S3's rules and error codes; by default decided by the credential scope's service. */
  readonly s3?: boolean
}
