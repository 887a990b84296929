import type { AuthorizationRequest, OperationContext } from '../operation.js'
import { s3Authorization } from './authz.js'

/** The `authorize` of an operation that needs one bucket action on the bucket named by its `Bucket` input. */
export function bucketAction(
  action: string,
): (ctx: OperationContext, input: Record<string, unknown>) => Promise<readonly AuthorizationRequest[]> {
  return async (ctx, input) => [await s3Authorization(ctx, { action, bucket: String(input.Bucket) })]
}

/** The `authorize` of an operation that needs one object action on its `Bucket` and `Key`. */
export function objectAction(
  action: string,
): (ctx: OperationContext, input: Record<string, unknown>) => Promise<readonly AuthorizationRequest[]> {
  return async (ctx, input) => [
    await s3Authorization(ctx, { action, bucket: String(input.Bucket), key: String(input.Key) }),
  ]
}

/** The signed-in caller's account (S3 operations that create something are never allowed anonymously). */
export function callerAccount(ctx: OperationContext): string {
  return ctx.caller?.principal.account ?? ''
}
