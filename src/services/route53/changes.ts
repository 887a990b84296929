import type { Repositories } from '../../store/index.js'
import type { OperationContext } from '../operation.js'
import { callerAccount, newRoute53Id } from './zone.js'

/** AWS: a change is PENDING until every Route 53 name server has it; Lanyard's are in sync after this long. */
export const CHANGE_SYNC_MS = 1000

/** A change's attributes in `store.cloudResources` (service `route53`, type `change`). */
export type ChangeAttributes = { readonly submittedAt: string; readonly comment?: string }

/** The ARN of a change. */
export const changeArn = (id: string): string => `arn:aws:route53:::change/${id}`

/** A ChangeInfo shape. */
export function toChangeInfo(id: string, attributes: ChangeAttributes, now: Date): Record<string, unknown> {
  const submitted = new Date(attributes.submittedAt)
  return {
    Id: `/change/${id}`,
    Status: now.getTime() - submitted.getTime() >= CHANGE_SYNC_MS ? 'INSYNC' : 'PENDING',
    SubmittedAt: submitted,
    Comment: attributes.comment,
  }
}

/** Records a change (inside the caller's transaction) and answers its ChangeInfo: PENDING. */
export async function recordChange(
  ctx: OperationContext,
  tx: Repositories,
  comment?: string,
): Promise<Record<string, unknown>> {
  const id = newRoute53Id('C', ctx.random)
  const attributes: ChangeAttributes = {
    submittedAt: ctx.now.toISOString(),
    ...(comment !== undefined ? { comment } : {}),
  }
  await tx.cloudResources.insert({
    arn: changeArn(id),
    accountId: callerAccount(ctx),
    region: '',
    service: 'route53',
    type: 'change',
    id,
    attributes,
    tags: [],
    at: ctx.now,
  })
  return toChangeInfo(id, attributes, ctx.now)
}
