import { createHash } from 'node:crypto'

/** An account's S3 canonical user id (64 hex digits), derived from its id as a stable stand-in for AWS's. */
export const canonicalUserId = (accountId: string): string =>
  createHash('sha256').update(`lanyard-s3-owner:${accountId}`).digest('hex')

/** The `Owner` (or `Initiator`) element of an account. */
export const ownerOf = (accountId: string): { ID: string; DisplayName: string } => ({
  ID: canonicalUserId(accountId),
  DisplayName: accountId,
})
