import type { CloudResourceRecord } from '../../store/index.js'
import type { OperationContext } from '../operation.js'
import { owningAction } from './owning-actions.js'

/** One ARN of a TagResources or UntagResources call: the stored resource, or why it cannot be tagged. */
export type Target =
  | { readonly arn: string; readonly resource: CloudResourceRecord }
  | { readonly arn: string; readonly failure: Record<string, unknown> }

/** The caller's resources the ARNs name; other accounts' resources and unknown ARNs are failures. */
export async function loadTargets(ctx: OperationContext, arns: readonly string[]): Promise<Target[]> {
  const account = ctx.caller?.principal.account ?? ''
  return Promise.all(
    [...new Set(arns)].map(async (arn): Promise<Target> => {
      const resource = await ctx.store.cloudResources.get(arn)
      if (
        resource === undefined ||
        resource.accountId !== account ||
        owningAction(arn, 'tag') === undefined
      ) {
        return {
          arn,
          failure: {
            StatusCode: 400,
            ErrorCode: 'InvalidParameterException',
            ErrorMessage: `The resource ${arn} does not exist or cannot be tagged through the Resource Groups Tagging API.`,
          },
        }
      }
      return { arn, resource }
    }),
  )
}

/** FailedResourcesMap of the targets that failed. */
export const failures = (targets: readonly Target[]): Record<string, unknown> =>
  Object.fromEntries(targets.flatMap((t) => ('failure' in t ? [[t.arn, t.failure]] : [])))
