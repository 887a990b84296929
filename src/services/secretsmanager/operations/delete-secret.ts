import type { Operation } from '../../operation.js'
import { secretAuthorization } from '../authz.js'
import { invalidParameter } from '../errors.js'
import { requireSecret, type SecretAttributes } from '../secret.js'

const DAY_MS = 86_400_000

/** Secrets Manager DeleteSecret: schedules deletion after 7–30 days (30 by default), or deletes at once. */
export const deleteSecret: Operation = {
  async authorize(ctx, input) {
    const context: Record<string, string> = {}
    if (input.RecoveryWindowInDays !== undefined)
      context['secretsmanager:RecoveryWindowInDays'] = String(input.RecoveryWindowInDays)
    if (input.ForceDeleteWithoutRecovery !== undefined)
      context['secretsmanager:ForceDeleteWithoutRecovery'] = String(input.ForceDeleteWithoutRecovery)
    return [await secretAuthorization(ctx, 'DeleteSecret', input.SecretId, context)]
  },
  async run(ctx, input) {
    const force = input.ForceDeleteWithoutRecovery === true
    const window = input.RecoveryWindowInDays as number | undefined
    if (force && window !== undefined) {
      throw invalidParameter(
        "You can't use ForceDeleteWithoutRecovery in conjunction with RecoveryWindowInDays.",
      )
    }
    if (window !== undefined && (window < 7 || window > 30)) {
      throw invalidParameter('The RecoveryWindowInDays value must be between 7 and 30 days (inclusive).')
    }
    const secret = await requireSecret(ctx, input.SecretId, { allowDeleted: true })
    const out = (DeletionDate: Date) => ({ ARN: secret.arn, Name: secret.attributes.name, DeletionDate })
    if (force) {
      await ctx.store.cloudResources.delete(secret.arn)
      return out(ctx.now)
    }
    // AWS: deleting a secret already scheduled for deletion keeps its first schedule.
    if (secret.attributes.deletionDate !== undefined) return out(new Date(secret.attributes.deletionDate))
    const deletionDate = new Date(ctx.now.getTime() + (window ?? 30) * DAY_MS)
    const attributes: SecretAttributes = Object.assign({}, secret.attributes, {
      deletedDate: ctx.now.toISOString(),
      deletionDate: deletionDate.toISOString(),
    })
    await ctx.store.cloudResources.update(secret.arn, { attributes, at: ctx.now }, secret.revision)
    return out(deletionDate)
  },
}
